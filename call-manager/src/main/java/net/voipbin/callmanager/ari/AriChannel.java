package net.voipbin.callmanager.ari;

import tools.jackson.databind.JsonNode;

/** The parts of an ARI {@code channel} object call-manager uses. */
public record AriChannel(String id, String name, String state, String callerNumber, String callerName, String exten) {

    /** Reads {@code node}; a channel without an id is malformed. */
    static AriChannel of(JsonNode node) {
        if (node == null || !node.isObject() || text(node, "id").isEmpty()) {
            throw new MalformedAriEvent("channel without id");
        }
        JsonNode caller = node.path("caller");
        return new AriChannel(text(node, "id"), text(node, "name"), text(node, "state"), text(caller, "number"),
                text(caller, "name"), text(node.path("dialplan"), "exten"));
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }

    /** An event that lacks what its type requires: logged and skipped, never retried. */
    static final class MalformedAriEvent extends RuntimeException {

        MalformedAriEvent(String message) {
            super(message);
        }
    }
}
