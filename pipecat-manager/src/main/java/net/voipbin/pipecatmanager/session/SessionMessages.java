package net.voipbin.pipecatmanager.session;

import net.voipbin.pipecatmanager.tool.ToolCall;
import net.voipbin.pipecatmanager.tool.ToolOutcome;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON carried in Pipecat MessageFrames ({@code {"type": ...}}), both ways; the module README
 * documents it. Unparsable JSON is treated as an unknown message, never as a reason to fail.
 */
final class SessionMessages {

    static final String CONTROL = "control";
    static final String FUNCTION_CALL = "llm_function_call";
    static final String FUNCTION_CALL_RESULT = "llm_function_call_result";

    private final JsonMapper json;

    SessionMessages(JsonMapper json) {
        this.json = json;
    }

    sealed interface Inbound {
        record FunctionCall(ToolCall call) implements Inbound {
        }

        record Interrupt() implements Inbound {
        }

        record Other(String type) implements Inbound {
        }
    }

    Inbound parse(String text) {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (RuntimeException e) {
            return new Inbound.Other("(unparsable)");
        }
        String type = node.path("type").asString("");
        if (FUNCTION_CALL.equals(type) && !node.path("tool_call_id").asString("").isBlank()) {
            return new Inbound.FunctionCall(new ToolCall(node.path("tool_call_id").asString(),
                    node.path("function_name").asString(""), node.path("arguments")));
        }
        if (CONTROL.equals(type) && "interrupt".equals(node.path("event").asString(""))) {
            return new Inbound.Interrupt();
        }
        return new Inbound.Other(type);
    }

    String sessionStarted(SessionSpec spec) {
        ObjectNode node = control("session_started");
        node.put("pipecatcall_id", spec.id().toString());
        node.put("call_id", spec.callId().toString());
        node.put("sample_rate", AudioBridge.RUNNER_RATE);
        return json.writeValueAsString(node);
    }

    String dtmf(char digit) {
        return json.writeValueAsString(control("dtmf").put("digit", String.valueOf(digit)));
    }

    String functionCallResult(ToolCall call, ToolOutcome outcome) {
        ObjectNode node = json.createObjectNode();
        node.put("type", FUNCTION_CALL_RESULT);
        node.put("tool_call_id", call.toolCallId());
        node.put("function_name", call.functionName());
        node.put("success", outcome.success());
        node.set("result", outcome.result());
        return json.writeValueAsString(node);
    }

    private ObjectNode control(String event) {
        ObjectNode node = json.createObjectNode();
        node.put("type", CONTROL);
        node.put("event", event);
        return node;
    }
}
