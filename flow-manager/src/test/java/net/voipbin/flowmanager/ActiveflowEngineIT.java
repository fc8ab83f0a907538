package net.voipbin.flowmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import net.voipbin.contract.callmanager.CallOperationFinished;
import net.voipbin.contract.flowmanager.Activeflow;
import net.voipbin.contract.flowmanager.ActiveflowCreate;
import net.voipbin.contract.flowmanager.FlowManagerClient;
import net.voipbin.contract.flowmanager.FlowManagerEvents;
import net.voipbin.fakecallmanager.CallManagerResponder;
import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.json.Json;
import net.voipbin.testsupport.Http;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * flow-manager driving calls through a call-manager played by a real RPC service on the call-manager
 * request queue: commands in order, completion by events, caller hangup, restart, loop guard, and
 * services that are not running.
 */
class ActiveflowEngineIT {

    private static final Duration DEADLINE = Duration.ofSeconds(15);
    private static final JsonMapper JSON = Json.newMapper();
    private static final String IVR = "[{\"id\":\"answer\",\"type\":\"answer\"},"
            + "{\"id\":\"talk\",\"type\":\"talk\",\"option\":{\"text\":\"Hello ${voipbin.call.source}, press 1 or 2\"}},"
            + "{\"id\":\"digits\",\"type\":\"digits_receive\",\"option\":{\"timeout_ms\":5000,\"max_length\":1}},"
            + "{\"id\":\"branch\",\"type\":\"branch\",\"option\":{\"target_ids\":{\"1\":\"playA\",\"2\":\"playB\"}}},"
            + "{\"id\":\"playA\",\"type\":\"play\",\"option\":{\"media\":[\"sound:a\"]},\"next_id\":\"hangup\"},"
            + "{\"id\":\"playB\",\"type\":\"play\",\"option\":{\"media\":[\"sound:b\"]}},"
            + "{\"id\":\"hangup\",\"type\":\"hangup\"}]";

    private static FleetHarness fleet;
    private CallManagerResponder callManager;
    private FlowManagerClient flowManager;
    private final UUID customer = UUID.randomUUID();
    private final UUID call = UUID.randomUUID();

    @BeforeAll
    static void startFleet() {
        fleet = FleetHarness.shared();
    }

    @BeforeEach
    void clients() {
        callManager = fleet.responder();
        callManager.heldOperations.clear();
        flowManager = new FlowManagerClient(fleet.rpc(), fleet.topology());
    }

    private UUID createFlow(String actions) {
        Http.Response response = Http.post(fleet.api("/flows"), FleetHarness.token(customer),
                "{\"name\":\"ivr\",\"actions\":" + actions + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return UUID.fromString(JSON.readTree(response.body()).path("id").asString());
    }

    private Activeflow startCall(UUID flowId) {
        return flowManager.create(new ActiveflowCreate(customer, flowId, Activeflow.ReferenceType.CALL, call,
                Map.of("voipbin.call.source", "+15550001", "voipbin.call.destination", "+15550100")));
    }

    private List<String> eventsOf(UUID activeflowId) {
        synchronized (callManager.flowEvents) {
            return callManager.flowEvents.stream()
                    .filter(e -> e.data().path("id").asString().equals(activeflowId.toString()))
                    .map(Event::type).toList();
        }
    }

    private JsonNode deletedEvent(UUID activeflowId) {
        await().atMost(DEADLINE).until(() -> eventsOf(activeflowId).contains(FlowManagerEvents.ACTIVEFLOW_DELETED));
        synchronized (callManager.flowEvents) {
            return callManager.flowEvents.stream().filter(e -> e.type().equals(FlowManagerEvents.ACTIVEFLOW_DELETED))
                    .map(Event::data).filter(d -> d.path("id").asString().equals(activeflowId.toString()))
                    .findFirst().orElseThrow();
        }
    }

    @Test
    void theIvrFlowAnswersTalksCollectsTwoPlaysBAndHangsUp() {
        callManager.digits.put(call, "2");

        Activeflow started = startCall(createFlow(IVR));

        assertThat(started.status()).isEqualTo(Activeflow.Status.RUNNING);
        JsonNode deleted = deletedEvent(started.id());
        assertThat(callManager.operations(call)).containsExactly("answer", "talk", "digits_receive", "play", "hangup");
        List<CallManagerResponder.Command> commands = callManager.commands(call);
        assertThat(commands.get(1).body().path("text").asString()).isEqualTo("Hello +15550001, press 1 or 2");
        assertThat(commands.get(3).body().path("media").get(0).asString()).isEqualTo("sound:b");
        assertThat(deleted.path("status").asString()).isEqualTo("ended");
        assertThat(deleted.path("variables").path("voipbin.call.digits").asString()).isEqualTo("2");
        assertThat(deleted.has("error")).isFalse();
        assertThat(deleted.path("current_action_id").asString()).isEqualTo("hangup");
        List<String> events = eventsOf(started.id());
        assertThat(events.getFirst()).isEqualTo(FlowManagerEvents.ACTIVEFLOW_CREATED);
        assertThat(events.getLast()).isEqualTo(FlowManagerEvents.ACTIVEFLOW_DELETED);
        assertThat(events).contains(FlowManagerEvents.ACTIVEFLOW_UPDATED);
        assertThat(flowManager.get(started.id()).status()).isEqualTo(Activeflow.Status.ENDED);
    }

    @Test
    void aCallerHangingUpDuringTalkEndsTheFlowAndNothingMoreIsSent() {
        callManager.heldOperations.add("talk");
        Activeflow started = startCall(createFlow(IVR));
        await().atMost(DEADLINE).until(() -> callManager.operations(call).contains("talk"));

        callManager.hangup(call);

        JsonNode deleted = deletedEvent(started.id());
        assertThat(deleted.path("current_action_id").asString()).isEqualTo("talk");
        callManager.finishLast(call);
        await().during(Duration.ofMillis(500)).atMost(DEADLINE)
                .until(() -> callManager.operations(call).equals(List.of("answer", "talk")));
    }

    @Test
    void aTalkCutShortByTheCallersHangupSendsNothingMoreWhicheverEventIsHandledFirst() {
        callManager.heldOperations.add("talk");
        Activeflow started = startCall(createFlow(IVR));
        await().atMost(DEADLINE).until(() -> callManager.operations(call).contains("talk"));

        callManager.finishLast(call, CallOperationFinished.Result.STOPPED);
        callManager.hangup(call);

        deletedEvent(started.id());
        await().during(Duration.ofMillis(500)).atMost(DEADLINE)
                .until(() -> callManager.operations(call).equals(List.of("answer", "talk")));
    }

    @Test
    void aRestartedFlowManagerCarriesOnWhereTheFlowWas() {
        callManager.digits.put(call, "1");
        callManager.heldOperations.add("talk");
        Activeflow started = startCall(createFlow(IVR));
        await().atMost(DEADLINE).until(() -> callManager.operations(call).contains("talk"));

        fleet.stopFlowManager();
        callManager.heldOperations.clear();
        callManager.finishLast(call);
        fleet.startFlowManager();

        deletedEvent(started.id());
        assertThat(callManager.operations(call)).containsExactly("answer", "talk", "digits_receive", "play", "hangup");
        assertThat(callManager.commands(call).get(3).body().path("media").get(0).asString()).isEqualTo("sound:a");
    }

    @Test
    void theNextCallRunsAFlowAsLastEditedAndADeletedFlowStartsNoMore() {
        String setTo = "[{\"type\":\"variable_set\",\"option\":{\"name\":\"greeting\",\"value\":\"%s\"}},"
                + "{\"type\":\"stop\"}]";
        UUID flowId = createFlow(setTo.formatted("first"));
        Activeflow first = startCall(flowId);
        assertThat(deletedEvent(first.id()).path("variables").path("greeting").asString()).isEqualTo("first");

        Http.Response edited = Http.put(fleet.api("/flows/" + flowId), FleetHarness.token(customer),
                "{\"name\":\"ivr\",\"actions\":" + setTo.formatted("edited") + "}");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        Activeflow second = startCall(flowId);
        assertThat(deletedEvent(second.id()).path("variables").path("greeting").asString()).isEqualTo("edited");

        assertThat(Http.delete(fleet.api("/flows/" + flowId), FleetHarness.token(customer)).status()).isEqualTo(204);
        assertThatThrownBy(() -> startCall(flowId)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void anInfiniteGotoLoopIsCutByTheExecuteCountGuard() {
        UUID flowId = createFlow("[{\"id\":\"set\",\"type\":\"variable_set\",\"option\":{\"name\":\"x\",\"value\":\"y\"}},"
                + "{\"id\":\"loop\",\"type\":\"goto\",\"option\":{\"target_id\":\"set\"}}]");

        Activeflow started = startCall(flowId);

        JsonNode deleted = deletedEvent(started.id());
        assertThat(deleted.path("error").asString()).contains("execute count guard", "50");
        assertThat(callManager.operations(call)).isEmpty();
    }

    @Test
    void aServiceThatIsNotRunningFailsTheFlowWithAClearErrorAtOnce() {
        UUID flowId = createFlow("[{\"type\":\"answer\"},{\"id\":\"queue\",\"type\":\"queue_join\",\"option\":"
                + "{\"queue_id\":\"" + UUID.randomUUID() + "\"}},{\"type\":\"hangup\"}]");

        Activeflow started = startCall(flowId);

        JsonNode deleted = deletedEvent(started.id());
        assertThat(deleted.path("error").asString()).contains("queue_join", "'queue'", "503", "queue-manager");
        assertThat(callManager.operations(call)).containsExactly("answer");
    }

    @Test
    void aServiceThatDoesNotAnswerFailsTheFlowAtTheRpcDeadline() {
        String queue = fleet.namespace + "bin-manager.conference-manager.request";
        TestInfra.rememberQueue(queue);
        declare(queue);
        UUID flowId = createFlow("[{\"id\":\"conf\",\"type\":\"conference_join\",\"option\":"
                + "{\"conference_id\":\"" + UUID.randomUUID() + "\"}}]");

        Activeflow started = startCall(flowId);

        JsonNode deleted = deletedEvent(started.id());
        assertThat(deleted.path("error").asString()).contains("conference_join", "504");
    }

    @Test
    void stoppingThroughTheApiEndsAWaitingFlow() {
        callManager.heldOperations.add("talk");
        Activeflow started = startCall(createFlow(IVR));
        await().atMost(DEADLINE).until(() -> callManager.operations(call).contains("talk"));

        Http.Response stopped = Http.post(fleet.api("/activeflows/" + started.id() + "/stop"),
                FleetHarness.token(customer), "");

        assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
        assertThat(JSON.readTree(stopped.body()).path("status").asString()).isEqualTo("ended");
        deletedEvent(started.id());
        assertThat(Http.post(fleet.api("/activeflows/" + started.id() + "/stop"),
                FleetHarness.token(UUID.randomUUID()), "").status()).isEqualTo(404);
    }

    @Test
    void connectBridgesTheFirstDestinationToAnswerAndGoesOnWhenItHangsUp() {
        UUID flowId = createFlow("[{\"id\":\"connect\",\"type\":\"connect\",\"option\":{"
                + "\"source\":{\"type\":\"tel\",\"target\":\"+15550001\"},\"destinations\":["
                + "{\"type\":\"tel\",\"target\":\"+15550200\"},{\"type\":\"sip\",\"target\":\"agent@pbx\"}]}},"
                + "{\"id\":\"bye\",\"type\":\"talk\",\"option\":{\"text\":\"Goodbye\"}}]");
        int before = callManager.dialed().size();
        Activeflow started = startCall(flowId);
        await().atMost(DEADLINE).until(() -> callManager.dialed().size() == before + 2);
        List<UUID> dialed = callManager.dialed().subList(before, before + 2);

        callManager.answered(dialed.get(1));

        await().atMost(DEADLINE).until(() -> callManager.operations(call).contains("bridge"));
        assertThat(callManager.commands(call).getFirst().body().path("peer_call_id").asString())
                .isEqualTo(dialed.get(1).toString());
        await().atMost(DEADLINE).until(() -> callManager.operations(dialed.get(0)).contains("hangup"));
        callManager.hangup(dialed.get(1));
        deletedEvent(started.id());
        assertThat(callManager.operations(call)).containsExactly("bridge", "talk");
    }

    @Test
    void aTransferredCallsFlowEndsAndNeverActsOnTheCallAgain() {
        UUID flowId = createFlow("[{\"id\":\"connect\",\"type\":\"connect\",\"option\":{"
                + "\"source\":{\"type\":\"tel\",\"target\":\"+15550001\"},\"destinations\":["
                + "{\"type\":\"tel\",\"target\":\"+15550300\"}]}},"
                + "{\"id\":\"beep\",\"type\":\"play\",\"option\":{\"media\":[\"sound:beep\"]}},"
                + "{\"id\":\"bye\",\"type\":\"hangup\",\"option\":{}}]");
        int before = callManager.dialed().size();
        Activeflow started = startCall(flowId);
        await().atMost(DEADLINE).until(() -> callManager.dialed().size() == before + 1);
        UUID agent = callManager.dialed().get(before);
        callManager.answered(agent);
        await().atMost(DEADLINE).until(() -> callManager.operations(call).contains("bridge"));

        // The agent transfers the caller elsewhere: completing it drops the agent's leg, which ends connect.
        callManager.transferred(call);
        JsonNode deleted = deletedEvent(started.id());
        callManager.hangup(agent);

        assertThat(deleted.has("error")).as("%s", deleted).isFalse();
        await().during(Duration.ofMillis(500)).atMost(DEADLINE)
                .until(() -> callManager.operations(call).equals(List.of("bridge")));
    }

    @Test
    void aTransferThatNamesAFlowMovesTheCallOnToItAndARedeliveredCompletionStartsNothingTwice() {
        UUID oldFlow = createFlow("[{\"id\":\"answer\",\"type\":\"answer\"},"
                + "{\"id\":\"mark\",\"type\":\"variable_set\",\"option\":{\"name\":\"menu\",\"value\":\"sales\"}},"
                + "{\"id\":\"wait\",\"type\":\"sleep\",\"option\":{\"duration_ms\":60000}},"
                + "{\"id\":\"never\",\"type\":\"play\",\"option\":{\"media\":[\"sound:old-flow\"]}}]");
        UUID nextFlow = createFlow("[{\"id\":\"after\",\"type\":\"play\","
                + "\"option\":{\"media\":[\"sound:after-${menu}\"]}},{\"id\":\"bye\",\"type\":\"hangup\"}]");
        Activeflow old = startCall(oldFlow);
        await().atMost(DEADLINE).until(() -> flowManager.get(old.id()).currentActionId().equals("wait"));
        UUID transfer = UUID.randomUUID();
        UUID target = UUID.randomUUID();
        UUID next = UUID.randomUUID();

        // The completion comes twice (a redelivery), then once more after the new flow has ended.
        callManager.transferred(transfer, customer, call, target, nextFlow, next);
        callManager.transferred(transfer, customer, call, target, nextFlow, next);

        assertThat(deletedEvent(old.id()).has("error")).isFalse();
        JsonNode ended = deletedEvent(next);
        assertThat(ended.has("error")).as("%s", ended).isFalse();
        assertThat(ended.path("flow_id").asString()).isEqualTo(nextFlow.toString());
        assertThat(ended.path("reference_id").asString()).isEqualTo(call.toString());
        assertThat(ended.path("variables").path("voipbin.transfer.id").asString()).isEqualTo(transfer.toString());
        assertThat(ended.path("variables").path("voipbin.transfer.target_call_id").asString())
                .isEqualTo(target.toString());
        assertThat(ended.path("variables").path("voipbin.call.source").asString()).isEqualTo("+15550001");
        callManager.transferred(transfer, customer, call, target, nextFlow, next);
        // The old flow played nothing more; the new one ran once: one prompt, one hangup.
        await().during(Duration.ofSeconds(1)).atMost(DEADLINE)
                .until(() -> callManager.operations(call).equals(List.of("answer", "play", "hangup")));
        assertThat(callManager.commands(call).get(1).body().path("media").get(0).asString())
                .isEqualTo("sound:after-sales");
        assertThat(eventsOf(next)).containsOnlyOnce(FlowManagerEvents.ACTIVEFLOW_CREATED,
                FlowManagerEvents.ACTIVEFLOW_DELETED);
        assertThat(eventsOf(next).getFirst()).isEqualTo(FlowManagerEvents.ACTIVEFLOW_CREATED);
        assertThat(flowManager.get(old.id()).currentActionId()).isEqualTo("wait");
    }

    @Test
    void aCustomersFlowIsFoundByRpcAndAnotherCustomersFlowIsNot() {
        UUID flowId = createFlow("[{\"id\":\"bye\",\"type\":\"hangup\"}]");

        assertThat(flowManager.getFlow(customer, flowId).id()).isEqualTo(flowId);
        assertThatThrownBy(() -> flowManager.getFlow(UUID.randomUUID(), flowId))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> flowManager.getFlow(customer, UUID.randomUUID()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    private static void declare(String queue) {
        try (var connection = TestInfra.rabbit().connectionFactory().newConnection();
                var channel = connection.createChannel()) {
            channel.queueDeclare(queue, false, false, true, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
