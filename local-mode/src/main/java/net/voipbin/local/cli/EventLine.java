package net.voipbin.local.cli;

import java.time.Duration;
import java.time.Instant;

import net.voipbin.rpc.envelope.Event;
import tools.jackson.databind.JsonNode;

/** One event of a call as {@code ./voipbin call} prints it: time since dialling, type, key fields. */
final class EventLine {

    private EventLine() {
    }

    static String of(Event event, Instant dialled, CallTrace trace) {
        long millis = Duration.between(dialled, event.timestamp()).toMillis();
        return String.format("%+8.3fs  %-24s %s", millis / 1000.0, event.type(), fields(event, trace)).stripTrailing();
    }

    private static String fields(Event event, CallTrace trace) {
        JsonNode data = event.data();
        String type = event.type();
        if (type.startsWith("activeflow_")) {
            String action = data.path("current_action_id").asString("");
            String actionType = trace.actionType(action);
            return "activeflow " + data.path("id").asString() + "  action " + (action.isEmpty() ? "-" : action)
                    + (actionType.isEmpty() ? "" : " (" + actionType + ")") + "  " + data.path("status").asString()
                    + (data.has("error") ? "  error: " + data.path("error").asString() : "");
        }
        return switch (type) {
            case "call_created" -> "call " + data.path("id").asString() + "  " + data.path("direction").asString() + "  "
                    + data.path("source").path("target").asString("?") + " -> "
                    + data.path("destination").path("target").asString("?") + "  " + data.path("status").asString();
            case "call_hungup" -> "call " + data.path("id").asString() + "  hangup_by " + data.path("hangup_by").asString()
                    + "  reason " + data.path("hangup_reason").asString() + "  talked "
                    + data.path("duration_ms").asLong() + " ms" + note(data);
            case "call_dtmf_received" -> "digit " + data.path("digit").asString();
            case "call_operation_finished" -> data.path("operation").asString() + " " + data.path("result").asString()
                    + (data.path("digits").asString("").isEmpty() ? "" : "  digits " + data.path("digits").asString());
            default -> data.has("status") ? "status " + data.path("status").asString() : "";
        };
    }

    private static String note(JsonNode data) {
        String note = data.path("hangup_note").asString("");
        return note.isEmpty() ? "" : "  (" + note + ")";
    }
}
