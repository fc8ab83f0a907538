package net.voipbin.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import net.voipbin.systemtests.BusRecorder.BusEvent;
import net.voipbin.testsupport.Http;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.JsonNode;

/**
 * Issue 21 on real processes (asterisk-sim, asterisk-proxy, call-manager, flow-manager from their jars): a
 * caller's flow transfers the caller blind to a target and names the flow the caller runs afterwards. What
 * the caller notices: the new flow's prompt only once the target is connected, nothing more from the old
 * flow (its menu does not react to a key pressed afterwards), and the new flow's hangup ends the call, with
 * the target, left alone, hung up too.
 */
class TransferMovesOnIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CALLER = "+15550002121";
    private static final String TARGET = "+15550707121";

    private static SystemFleet fleet;
    private static BusRecorder bus;

    private final UUID customer = UUID.randomUUID();
    private final CustomerApi api = new CustomerApi(fleet, fleet.tokenFor(customer));

    @BeforeAll
    static void startFleet() {
        fleet = SystemFleet.builder().callPath().start();
        bus = new BusRecorder(TestInfra.rabbit().connectionFactory(), fleet.eventExchange());
    }

    @AfterAll
    static void stopFleet() {
        if (bus != null) {
            bus.close();
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void aBlindTransferMovesTheCallerOnToTheFlowItNamesOnceTheTargetIsConnected() {
        String after = api.flow("""
                {"name": "after the transfer", "actions": [
                  {"id": "after", "type": "play", "option": {"media": ["sound:after-transfer"]}},
                  {"id": "bye", "type": "hangup", "option": {}}
                ]}""");
        // The old flow waits in its menu when the transfer completes: were it still running, a key would play its option.
        String number = api.numberRunningFlow(api.flow("""
                {"name": "transfer then menu", "actions": [
                  {"id": "answer", "type": "answer", "option": {}},
                  {"id": "away", "type": "transfer", "option": {"type": "blind",
                      "destination": {"type": "tel", "target": "%s"}, "flow_id": "%s"}},
                  {"id": "menu", "type": "digits_receive", "option": {"timeout_ms": 60000, "max_length": 1}},
                  {"id": "option", "type": "play", "option": {"media": ["sound:old-flow-option"]}},
                  {"id": "end", "type": "hangup", "option": {}}
                ]}""".formatted(TARGET, after)));
        // The target rings for 2 s before it answers.
        assertThat(Http.post(fleet.simUrl() + "/sim/originate-plan?outcome=answered&delay_ms=2000&match="
                + java.net.URLEncoder.encode(TARGET, java.nio.charset.StandardCharsets.UTF_8), null, "").status() / 100)
                .isEqualTo(2);

        String channel = fleet.sim().placeCall(CALLER, number);
        JsonNode caller = api.callOn(channel);
        String callerId = caller.path("id").asString();
        String oldActiveflow = caller.path("activeflow_id").asString();

        JsonNode completed = await().atMost(WAIT).until(() -> transferEvent("transfer_completed", callerId),
                e -> e != null);
        String newActiveflow = completed.path("activeflow_id").asString();
        assertThat(completed.path("flow_id").asString()).isEqualTo(after);
        assertThat(newActiveflow).isNotEqualTo(oldActiveflow);
        String targetId = completed.path("target_call_id").asString();
        String targetChannel = api.get(fleet.callManager("/calls/" + targetId)).path("channel_id").asString();

        // The new flow's prompt reaches the caller's channel, after the target joined the caller's bridge.
        await().atMost(WAIT).until(() -> api.ariCommands(channel).contains(
                "POST /channels/{ch}/play/{playback} media=sound:after-transfer"));
        List<SimControl.AriRequest> log = fleet.sim().requests();
        int targetJoined = indexOf(log, r -> r.path().endsWith("/addChannel") && targetChannel.equals(r.param("channel")));
        int prompt = indexOf(log, r -> r.path().startsWith("/ari/channels/" + channel + "/play/"));
        assertThat(targetJoined).as("the target joins the caller's bridge").isNotNegative();
        assertThat(prompt).as("the new flow's prompt comes after the target joined").isGreaterThan(targetJoined);

        // A key pressed now is no answer to the old menu: the old flow is over.
        fleet.sim().pressDigits(channel, "1");

        // The new flow hangs up: the caller is hung up, and the target, left alone and running no flow, too.
        JsonNode ended = await().atMost(WAIT).until(() -> api.get(fleet.callManager("/calls/" + callerId)),
                c -> "hangup".equals(c.path("status").asString()));
        assertThat(ended.path("hangup_by").asString()).isEqualTo("local");
        assertThat(ended.path("activeflow_id").asString()).isEqualTo(newActiveflow);
        assertThat(ended.path("flow_id").asString()).isEqualTo(after);
        JsonNode target = await().atMost(WAIT).until(() -> api.get(fleet.callManager("/calls/" + targetId)),
                c -> "hangup".equals(c.path("status").asString()));
        assertThat(target.path("hangup_note").asString()).isEqualTo("peer_hungup");
        assertThat(api.ariCommands(channel)).containsExactly(
                "POST /channels/{ch}/answer",
                "POST /channels/{ch}/play/{playback} media=sound:after-transfer",
                "DELETE /channels/{ch}");

        // Both flows ended without an error: the old one at the completion, the new one at its hangup.
        JsonNode old = await().atMost(WAIT).until(() -> api.get(fleet.flowManager("/activeflows/" + oldActiveflow)),
                a -> "ended".equals(a.path("status").asString()));
        assertThat(old.path("current_action_id").asString()).isEqualTo("menu");
        assertThat(old.has("error")).as("%s", old).isFalse();
        JsonNode next = await().atMost(WAIT).until(() -> api.get(fleet.flowManager("/activeflows/" + newActiveflow)),
                a -> "ended".equals(a.path("status").asString()));
        assertThat(next.path("reference_id").asString()).isEqualTo(callerId);
        assertThat(next.path("current_action_id").asString()).isEqualTo("bye");
        assertThat(next.has("error")).as("%s", next).isFalse();
        assertThat(next.path("variables").path("voipbin.call.source").asString()).isEqualTo(CALLER);

        // The events, in order: the new flow starts only after the completion and the old flow's end.
        await().atMost(WAIT).until(() -> story(callerId, oldActiveflow, newActiveflow).contains("new activeflow_deleted"));
        List<String> story = story(callerId, oldActiveflow, newActiveflow);
        assertThat(story).containsSubsequence("old activeflow_created", "call_answered", "transfer_created",
                "transfer_completed", "old activeflow_deleted", "new activeflow_created", "call_hungup",
                "new activeflow_deleted");
        assertThat(story).containsOnlyOnce("old activeflow_created", "old activeflow_deleted", "new activeflow_created",
                "new activeflow_deleted", "transfer_completed", "call_hungup");
        assertThat(story).doesNotContain("transfer_failed");
    }

    @Test
    void aCallerTransferredWithoutAFlowIsHungUpWhenTheTargetHangsUpNotLeftInSilence() {
        String target = "+15550707122";
        // The old flow is still running (its menu) when the transfer completes, and ends on the completion.
        String number = api.numberRunningFlow(api.flow("""
                {"name": "transfer then menu", "actions": [
                  {"id": "answer", "type": "answer", "option": {}},
                  {"id": "away", "type": "transfer", "option": {"type": "blind",
                      "destination": {"type": "tel", "target": "%s"}}},
                  {"id": "menu", "type": "digits_receive", "option": {"timeout_ms": 60000, "max_length": 1}},
                  {"id": "end", "type": "hangup", "option": {}}
                ]}""".formatted(target)));
        String channel = fleet.sim().placeCall(CALLER, number);
        JsonNode caller = api.callOn(channel);
        String callerId = caller.path("id").asString();
        JsonNode completed = await().atMost(WAIT).until(() -> transferEvent("transfer_completed", callerId),
                e -> e != null);
        assertThat(completed.path("flow_id").isNull()).as("%s", completed).isTrue();
        String oldActiveflow = caller.path("activeflow_id").asString();
        await().atMost(WAIT).until(() -> api.get(fleet.flowManager("/activeflows/" + oldActiveflow)),
                a -> "ended".equals(a.path("status").asString()));
        String targetId = completed.path("target_call_id").asString();
        String targetChannel = api.get(fleet.callManager("/calls/" + targetId)).path("channel_id").asString();
        // Talking with the target, the caller is not hung up by its old flow's end.
        assertThat(api.get(fleet.callManager("/calls/" + callerId)).path("status").asString()).isEqualTo("progressing");

        fleet.sim().callerHangsUp(targetChannel);

        JsonNode ended = await().atMost(WAIT).until(() -> api.get(fleet.callManager("/calls/" + callerId)),
                c -> "hangup".equals(c.path("status").asString()));
        assertThat(ended.path("hangup_note").asString()).isEqualTo("peer_hungup");
        assertThat(api.ariCommands(channel)).containsExactly("POST /channels/{ch}/answer", "DELETE /channels/{ch}");
    }

    /**
     * The caller's story on the bus: its own call events, its transfers', and its activeflows' (named old or
     * new), in delivery order.
     */
    private List<String> story(String callerId, String oldActiveflow, String newActiveflow) {
        List<String> story = new ArrayList<>();
        for (BusEvent e : bus.matching(e -> true)) {
            String id = e.data().path("id").asString("");
            if ("call-manager".equals(e.publisher()) && e.type().startsWith("call_") && callerId.equals(id)
                    && !e.type().equals("call_updated") && !e.type().startsWith("call_operation")) {
                story.add(e.type());
            } else if (e.type().startsWith("transfer_")
                    && callerId.equals(e.data().path("transferee_call_id").asString(""))) {
                story.add(e.type());
            } else if (e.type().equals("activeflow_created") || e.type().equals("activeflow_deleted")) {
                if (id.equals(oldActiveflow)) {
                    story.add("old " + e.type());
                } else if (id.equals(newActiveflow)) {
                    story.add("new " + e.type());
                }
            }
        }
        return story;
    }

    private JsonNode transferEvent(String type, String callerId) {
        return bus.matching(e -> type.equals(e.type())
                && callerId.equals(e.data().path("transferee_call_id").asString(""))).stream()
                .map(BusEvent::data).findFirst().orElse(null);
    }

    private static int indexOf(List<SimControl.AriRequest> log, java.util.function.Predicate<SimControl.AriRequest> match) {
        for (int i = 0; i < log.size(); i++) {
            if (match.test(log.get(i))) {
                return i;
            }
        }
        return -1;
    }

}
