package net.voipbin.pipecatmanager.session;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One session's tool calls by {@code tool_call_id}: each id runs once and has one result. A repeat
 * never runs again; once the first result exists it is the answer to every repeat. Single-threaded
 * (the session's event loop).
 */
final class ToolLedger {

    private final Map<String, String> results = new HashMap<>();

    /** True the first time an id is seen: the caller runs that call. */
    boolean claim(String toolCallId) {
        if (results.containsKey(toolCallId)) {
            return false;
        }
        results.put(toolCallId, null);
        return true;
    }

    /** The result message already sent for an id, if its call has finished. */
    Optional<String> result(String toolCallId) {
        return Optional.ofNullable(results.get(toolCallId));
    }

    void record(String toolCallId, String resultMessage) {
        results.put(toolCallId, resultMessage);
    }
}
