package net.voipbin.pipecatmanager.tool;

import tools.jackson.databind.JsonNode;

/** One LLM function call from the runner (MessageFrame {@code {"type": "llm_function_call", ...}}). */
public record ToolCall(String toolCallId, String functionName, JsonNode arguments) {
}
