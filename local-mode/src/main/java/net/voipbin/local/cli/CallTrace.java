package net.voipbin.local.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.voipbin.rpc.envelope.Event;
import tools.jackson.databind.JsonNode;

/**
 * Which of the fleet's events are about one call, and where that call is: its id is learnt from the
 * first call event naming the simulator's channel; from then on call events by id, operation and DTMF
 * events by {@code call_id}, and activeflow events by {@code reference_id}.
 */
final class CallTrace {

    private static final int MAX_PENDING = 1000;

    private final String channelId;
    private final List<Event> pending = new ArrayList<>();
    private final List<String> types = new ArrayList<>();
    private final Map<String, String> actionTypes = new HashMap<>();
    private String callId;
    private String currentActionId = "";
    private boolean hungUp;
    private boolean activeflowStarted;
    private boolean activeflowEnded;
    private JsonNode lastCall;

    CallTrace(String channelId) {
        this.channelId = channelId;
    }

    /** The events now known to be this call's, in arrival order (an early one may come out later). */
    List<Event> accept(Event event) {
        if (callId == null) {
            if (!isCall(event) || !channelId.equals(event.data().path("channel_id").asString(""))) {
                if (pending.size() < MAX_PENDING) {
                    pending.add(event);
                }
                return List.of();
            }
            callId = event.data().path("id").asString();
            List<Event> known = new ArrayList<>(List.of(event));
            pending.stream().filter(this::isOfCall).forEach(known::add);
            pending.clear();
            known.forEach(this::record);
            return known;
        }
        if (!isOfCall(event)) {
            return List.of();
        }
        record(event);
        return List.of(event);
    }

    private boolean isOfCall(Event event) {
        JsonNode data = event.data();
        if ("flow-manager".equals(event.publisher())) {
            return callId.equals(data.path("reference_id").asString(""));
        }
        return callId.equals(data.path("id").asString("")) || callId.equals(data.path("call_id").asString(""));
    }

    private static boolean isCall(Event event) {
        return "call-manager".equals(event.publisher()) && event.type().startsWith("call_")
                && event.data().has("channel_id");
    }

    private void record(Event event) {
        types.add(event.type());
        switch (event.type()) {
            case "call_hungup" -> hungUp = true;
            case "activeflow_created" -> activeflowStarted = true;
            case "activeflow_deleted" -> activeflowEnded = true;
            default -> { }
        }
        if (isCall(event)) {
            lastCall = event.data();
        }
        if ("flow-manager".equals(event.publisher())) {
            currentActionId = event.data().path("current_action_id").asString("");
        }
    }

    /** What each action id of the call's flow is (answer, talk, digits_receive, ...), once looked up. */
    void actionTypes(Map<String, String> types) {
        actionTypes.putAll(types);
    }

    String actionType(String actionId) {
        return actionTypes.getOrDefault(actionId, "");
    }

    String currentActionId() {
        return currentActionId;
    }

    String callId() {
        return callId;
    }

    List<String> types() {
        return List.copyOf(types);
    }

    /** The call hung up and its flow, if it had one, ended. */
    boolean finished() {
        return hungUp && (!activeflowStarted || activeflowEnded);
    }

    boolean hungUp() {
        return hungUp;
    }

    JsonNode lastCall() {
        return lastCall;
    }
}
