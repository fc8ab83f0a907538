package net.voipbin.pipecatmanager.tool;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The one result a tool call gets: a JSON result, or an error result {@code {"error": code, "message": text}}. */
public record ToolOutcome(boolean success, JsonNode result) {

    public static ToolOutcome ok(JsonNode result) {
        return new ToolOutcome(true, result == null ? JsonNodeFactory.instance.objectNode() : result);
    }

    public static ToolOutcome ok(String key, String value) {
        return ok(JsonNodeFactory.instance.objectNode().put(key, value));
    }

    public static ToolOutcome error(String code, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("error", code);
        body.put("message", message == null ? "" : message);
        return new ToolOutcome(false, body);
    }
}
