package net.voipbin.contract.pipecatmanager;

import java.util.UUID;

import tools.jackson.databind.JsonNode;

/** Payload of {@code pipecatcall_tool_called}: one tool call and the one result the runner got. */
public record PipecatcallToolCall(
        UUID pipecatcallId,
        UUID callId,
        String toolCallId,
        String functionName,
        JsonNode arguments,
        boolean success,
        JsonNode result) {
}
