package net.voipbin.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.systemtests.BusRecorder.BusEvent;
import tools.jackson.databind.JsonNode;

/**
 * Issue 5's end-to-end inbound call, on whatever fleet a subclass starts: a customer stores an IVR flow
 * and a number through REST; a caller dials the number on the simulator. What is asserted is what the
 * outside world sees: the ARI commands Asterisk received, the REST resources and the bus events.
 */
abstract class InboundCallScenarios {

    /** Generous: several JVMs and other builds share two cores. */
    static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CALLER = "+15550001111";

    private final UUID customer = UUID.randomUUID();
    private final CallFleet fleet;
    private final BusRecorder bus;
    private final CustomerApi api;

    InboundCallScenarios(CallFleet fleet, BusRecorder bus) {
        this.fleet = fleet;
        this.bus = bus;
        this.api = new CustomerApi(fleet, fleet.tokenFor(customer));
    }

    @Test
    void aCallerWhoPressesTwoHearsOptionBAndTheFlowHangsUp() {
        String number = api.numberRunning(ivr("hello world"));
        String channel = fleet.sim().placeCall(CALLER, number);
        String callId = api.callOn(channel).path("id").asString();

        awaitActiveflowAt(callId, "digits");
        pressUntilTheMenuMovesOn(channel, callId, "2");

        JsonNode call = await().atMost(WAIT).until(() -> api.get(fleet.callManager("/calls/" + callId)),
                c -> "hangup".equals(c.path("status").asString()));
        assertThat(call.path("direction").asString()).isEqualTo("incoming");
        assertThat(call.path("hangup_by").asString()).isEqualTo("local");
        assertThat(call.path("hangup_reason").asString()).isEqualTo("normal");
        // Answer to hangup; the JSON timestamps are cut to milliseconds, the duration is not.
        assertThat(call.path("duration_ms").asLong()).isPositive().isCloseTo(Duration.between(
                Instant.parse(call.path("tm_progressing").asString()), Instant.parse(call.path("tm_hangup").asString()))
                .toMillis(), within(1L));

        String activeflowId = call.path("activeflow_id").asString();
        JsonNode activeflow = await().atMost(WAIT).until(() -> api.get(fleet.flowManager("/activeflows/" + activeflowId)),
                a -> "ended".equals(a.path("status").asString()));
        assertThat(activeflow.path("reference_id").asString()).isEqualTo(callId);
        assertThat(activeflow.path("current_action_id").asString()).isEqualTo("bye");
        assertThat(activeflow.path("variables").path("voipbin.call.digits").asString()).isEqualTo("2");
        assertThat(activeflow.has("error")).as("error of %s", activeflow).isFalse();

        assertThat(api.ariCommands(channel)).containsExactly(
                "POST /channels/{ch}/answer",
                "POST /channels/{ch}/play/{playback} media=sound:hello-world",
                "POST /channels/{ch}/play/{playback} media=sound:option-b",
                "DELETE /channels/{ch}");

        await().atMost(WAIT).until(() -> bus.typesOfCall(callId).contains("activeflow_deleted")
                && bus.typesOfCall(callId).contains("call_hungup"));
        List<String> events = bus.typesOfCall(callId);
        assertThat(events).as("events of call %s", callId).containsSubsequence("call_created", "activeflow_created",
                "call_answered", "call_hungup", "activeflow_deleted");
        assertThat(events.getFirst()).isEqualTo("call_created");
        assertThat(events.getLast()).isEqualTo("activeflow_deleted");
        assertThat(events).containsOnlyOnce("call_created", "activeflow_created", "call_answered", "call_hungup",
                "activeflow_deleted");
        assertThat(operationsFinished(callId)).containsExactly("talk done", "digits_receive done", "play done");
    }

    @Test
    void whenTheCallerHangsUpDuringTalkTheActiveflowEndsAndAsteriskIsToldNothingMore() {
        // A prompt the simulator plays for 5 s: the caller hangs up while it is still playing.
        String number = api.numberRunning(ivr("tone-1khz"));
        String channel = fleet.sim().placeCall(CALLER, number);
        String callId = api.callOn(channel).path("id").asString();
        await().atMost(WAIT).until(() -> api.ariCommands(channel).stream().anyMatch(c -> c.contains("sound:tone-1khz")));

        fleet.sim().callerHangsUp(channel);

        await().atMost(WAIT).until(() -> bus.typesOfCall(callId).contains("activeflow_deleted"));
        JsonNode call = api.get(fleet.callManager("/calls/" + callId));
        assertThat(call.path("status").asString()).isEqualTo("hangup");
        assertThat(call.path("hangup_by").asString()).isEqualTo("remote");
        JsonNode activeflow = api.get(fleet.flowManager("/activeflows/" + call.path("activeflow_id").asString()));
        assertThat(activeflow.path("status").asString()).isEqualTo("ended");
        // A caller hanging up is how calls end, not a failure of the flow.
        assertThat(activeflow.has("error")).as("activeflow %s", activeflow).isFalse();
        List<String> events = bus.typesOfCall(callId);
        assertThat(events).as("events of call %s", callId).containsSubsequence("call_created", "activeflow_created",
                "call_answered", "call_hungup", "activeflow_deleted");
        assertThat(events.getLast()).isEqualTo("activeflow_deleted");
        // Nothing more reaches Asterisk: no further prompt, no hangup of the dead channel.
        List<String> expected = List.of("POST /channels/{ch}/answer",
                "POST /channels/{ch}/play/{playback} media=sound:tone-1khz");
        await().during(Duration.ofSeconds(3)).atMost(WAIT).until(() -> api.ariCommands(channel).equals(expected));
    }

    @Test
    void aCallWhoseFlowRunsOutOfActionsIsHungUpInsteadOfLeftInSilence() {
        String number = api.numberRunning("""
                {"name": "greeting only", "actions": [
                  {"id": "answer", "type": "answer", "option": {}},
                  {"id": "greet", "type": "talk", "option": {"text": "goodbye", "language": "en-US"}}
                ]}""");
        String channel = fleet.sim().placeCall(CALLER, number);
        String callId = api.callOn(channel).path("id").asString();

        JsonNode call = await().atMost(WAIT).until(() -> api.get(fleet.callManager("/calls/" + callId)),
                c -> "hangup".equals(c.path("status").asString()));
        assertThat(call.path("hangup_by").asString()).isEqualTo("local");
        assertThat(call.path("hangup_reason").asString()).isEqualTo("normal");
        assertThat(call.path("hangup_note").asString()).isEqualTo("flow_ended");
        assertThat(api.ariCommands(channel)).containsExactly(
                "POST /channels/{ch}/answer",
                "POST /channels/{ch}/play/{playback} media=sound:goodbye",
                "DELETE /channels/{ch}");
        await().atMost(WAIT).until(() -> bus.typesOfCall(callId).contains("call_hungup"));
        assertThat(bus.typesOfCall(callId)).containsSubsequence("activeflow_deleted", "call_hungup");
    }

    @Test
    void aFlowThatTransfersTheCallerHandsItOverAndTheTransferOutlivesTheFlow() {
        String number = api.numberRunning("""
                {"name": "blind transfer", "actions": [
                  {"id": "answer", "type": "answer", "option": {}},
                  {"id": "away", "type": "transfer", "option": {"type": "blind",
                      "destination": {"type": "tel", "target": "+15550707070"}}}
                ]}""");
        String channel = fleet.sim().placeCall(CALLER, number);
        JsonNode caller = api.callOn(channel);
        String callerId = caller.path("id").asString();

        // From call_created: the call record names no activeflow once the transfer has ended the flow's control.
        String activeflowId = await().atMost(WAIT).until(() -> bus.matching(e -> "call_created".equals(e.type())
                && callerId.equals(e.data().path("id").asString(""))), created -> !created.isEmpty())
                .getFirst().data().path("activeflow_id").asString();
        JsonNode activeflow = await().atMost(WAIT).until(() -> api.get(fleet.flowManager("/activeflows/" + activeflowId)),
                a -> "ended".equals(a.path("status").asString()));
        assertThat(activeflow.has("error")).as("%s", activeflow).isFalse();
        // The target answers and talks with the caller in one bridge; the caller was not hung up at the flow's end.
        JsonNode bridged = await().atMost(WAIT).until(() -> api.get(fleet.callManager("/calls/" + callerId)),
                c -> !c.path("bridge_id").isNull() && !c.path("bridge_id").asString("").isEmpty());
        assertThat(bridged.path("status").asString()).isEqualTo("progressing");
        await().atMost(WAIT).until(() -> bus.matching(e -> "transfer_completed".equals(e.type())
                && callerId.equals(e.data().path("transferee_call_id").asString(""))).size() == 1);
        String targetId = bus.matching(e -> "transfer_completed".equals(e.type())
                && callerId.equals(e.data().path("transferee_call_id").asString(""))).getFirst().data()
                .path("target_call_id").asString();
        assertThat(api.get(fleet.callManager("/calls/" + targetId)).path("bridge_id").asString())
                .isEqualTo(bridged.path("bridge_id").asString());
        assertThat(api.ariCommands(channel)).doesNotContain("DELETE /channels/{ch}");

        fleet.sim().callerHangsUp(channel);

        JsonNode target = await().atMost(WAIT).until(() -> api.get(fleet.callManager("/calls/" + targetId)),
                c -> "hangup".equals(c.path("status").asString()));
        assertThat(target.path("hangup_note").asString()).isEqualTo("peer_hungup");
    }

    /** [answer, talk, digits_receive, branch on the digits: 1 → play A, 2 → play B, hangup]. */
    private static String ivr(String greeting) {
        return """
                {"name": "ivr", "detail": "press 1 or 2", "actions": [
                  {"id": "answer", "type": "answer", "option": {}},
                  {"id": "greet", "type": "talk", "option": {"text": "%s", "language": "en-US"}},
                  {"id": "digits", "type": "digits_receive", "option": {"timeout_ms": 60000, "max_length": 1}},
                  {"id": "menu", "type": "branch", "option": {"variable": "voipbin.call.digits",
                      "target_ids": {"1": "play_a", "2": "play_b"}, "default_target_id": "bye"}},
                  {"id": "play_a", "type": "play", "option": {"media": ["sound:option-a"]}, "next_id": "bye"},
                  {"id": "play_b", "type": "play", "option": {"media": ["sound:option-b"]}},
                  {"id": "bye", "type": "hangup", "option": {"reason": "normal"}}
                ]}""".formatted(greeting);
    }

    private void awaitActiveflowAt(String callId, String actionId) {
        await().atMost(WAIT).until(() -> !bus.matching(e -> isActiveflowOf(e, callId)
                && actionId.equals(e.data().path("current_action_id").asString(""))).isEmpty());
    }

    /**
     * The caller presses the key until the menu reacts (the flow leaves digits_receive), as callers do:
     * a digit pressed in the instant between the flow reaching the action and call-manager starting
     * the collection is not collected, and no outside signal says when the collection started.
     */
    private void pressUntilTheMenuMovesOn(String channel, String callId, String digit) {
        await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(2)).until(() -> {
            if (movedPast(callId, "digits")) {
                return true;
            }
            fleet.sim().pressDigits(channel, digit);
            return false;
        });
    }

    private boolean movedPast(String callId, String actionId) {
        List<BusEvent> updates = bus.matching(e -> isActiveflowOf(e, callId));
        return !updates.isEmpty() && !actionId.equals(updates.getLast().data().path("current_action_id").asString(""))
                && updates.stream().anyMatch(e -> actionId.equals(e.data().path("current_action_id").asString("")));
    }

    private static boolean isActiveflowOf(BusEvent event, String callId) {
        return "flow-manager".equals(event.publisher()) && callId.equals(event.data().path("reference_id").asString(""));
    }

    private List<String> operationsFinished(String callId) {
        return bus.matching(e -> "call_operation_finished".equals(e.type())
                && callId.equals(e.data().path("call_id").asString(""))).stream()
                .map(e -> e.data().path("operation").asString() + " " + e.data().path("result").asString()).toList();
    }

}
