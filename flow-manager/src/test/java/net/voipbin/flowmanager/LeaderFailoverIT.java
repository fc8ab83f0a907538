package net.voipbin.flowmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import net.voipbin.contract.flowmanager.Activeflow;
import net.voipbin.contract.flowmanager.ActiveflowCreate;
import net.voipbin.contract.flowmanager.FlowManagerClient;
import net.voipbin.contract.flowmanager.FlowManagerEvents;
import net.voipbin.fakecallmanager.CallManagerResponder;
import net.voipbin.flowmanager.cluster.Leadership;
import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.json.Json;
import net.voipbin.testsupport.Http;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two flow-manager instances on one schema and namespace: one leads and runs every activeflow, the other
 * stands by; when the leader goes, the stand-by takes the running flows over from the database and
 * carries them on, and a customer's request to a stand-by reaches the leader.
 */
class LeaderFailoverIT {

    private static final Duration DEADLINE = Duration.ofSeconds(15);
    private static final JsonMapper JSON = Json.newMapper();
    private static final String IVR = "[{\"id\":\"answer\",\"type\":\"answer\"},"
            + "{\"id\":\"talk\",\"type\":\"talk\",\"option\":{\"text\":\"press 1\"}},"
            + "{\"id\":\"digits\",\"type\":\"digits_receive\",\"option\":{\"timeout_ms\":5000,\"max_length\":1}},"
            + "{\"id\":\"play\",\"type\":\"play\",\"option\":{\"media\":[\"sound:a\"]}},"
            + "{\"id\":\"hangup\",\"type\":\"hangup\"}]";

    private final FleetHarness fleet = new FleetHarness(Map.of("voipbin.flow.leader-check-interval", "500ms"));
    private ConfigurableApplicationContext standBy;
    private CallManagerResponder callManager;
    private final UUID customer = UUID.randomUUID();
    private final UUID call = UUID.randomUUID();

    @BeforeEach
    void start() {
        fleet.start();
        standBy = fleet.anotherFlowManager();
        callManager = fleet.responder();
    }

    @AfterEach
    void stop() {
        standBy.close();
        fleet.close();
    }

    private static boolean leads(ConfigurableApplicationContext flowManager) {
        return flowManager.isActive() && flowManager.getBean(Leadership.class).isLeader();
    }

    private Activeflow startCall() {
        Http.Response flow = Http.post(fleet.api("/flows"), FleetHarness.token(customer),
                "{\"name\":\"ivr\",\"actions\":" + IVR + "}");
        assertThat(flow.status()).as(flow.body()).isEqualTo(201);
        UUID flowId = UUID.fromString(JSON.readTree(flow.body()).path("id").asString());
        return new FlowManagerClient(fleet.rpc(), fleet.topology()).create(new ActiveflowCreate(customer, flowId,
                Activeflow.ReferenceType.CALL, call, Map.of()));
    }

    private List<String> eventsOf(UUID activeflowId) {
        synchronized (callManager.flowEvents) {
            return callManager.flowEvents.stream()
                    .filter(e -> e.data().path("id").asString().equals(activeflowId.toString()))
                    .map(Event::type).toList();
        }
    }

    @Test
    void theStandByTakesTheRunningFlowOverWhenTheLeaderGoesAndCarriesItOn() {
        assertThat(leads(fleet.flowManager)).isTrue();
        assertThat(leads(standBy)).isFalse();
        callManager.digits.put(call, "1");
        callManager.heldOperations.add("talk");
        Activeflow started = startCall();
        await().atMost(DEADLINE).until(() -> callManager.operations(call).contains("talk"));

        fleet.stopFlowManager();
        await().atMost(Duration.ofSeconds(5)).until(() -> leads(standBy));
        callManager.heldOperations.clear();
        callManager.finishLast(call);

        await().atMost(DEADLINE).until(() -> eventsOf(started.id()).contains(FlowManagerEvents.ACTIVEFLOW_DELETED));
        assertThat(callManager.operations(call)).containsExactly("answer", "talk", "digits_receive", "play", "hangup");
    }

    @Test
    void aStopSentToTheStandByEndsTheFlowTheLeaderRuns() {
        callManager.heldOperations.add("talk");
        Activeflow started = startCall();
        await().atMost(DEADLINE).until(() -> callManager.operations(call).contains("talk"));

        Http.Response stopped = Http.post(standByApi() + "/activeflows/" + started.id() + "/stop",
                FleetHarness.token(customer), "");

        assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
        assertThat(JSON.readTree(stopped.body()).path("status").asString()).isEqualTo("ended");
        await().atMost(DEADLINE).until(() -> eventsOf(started.id()).contains(FlowManagerEvents.ACTIVEFLOW_DELETED));
        assertThat(callManager.operations(call)).doesNotContain("digits_receive");
    }

    @Test
    void aFlowEditedAtTheStandByIsWhatTheLeaderRunsNext() {
        String setTo = "[{\"type\":\"variable_set\",\"option\":{\"name\":\"greeting\",\"value\":\"%s\"}},"
                + "{\"type\":\"stop\"}]";
        Http.Response created = Http.post(fleet.api("/flows"), FleetHarness.token(customer),
                "{\"name\":\"greet\",\"actions\":" + setTo.formatted("first") + "}");
        UUID flowId = UUID.fromString(JSON.readTree(created.body()).path("id").asString());
        assertThat(greetingOfANewRun(flowId)).isEqualTo("first");

        Http.Response edited = Http.put(standByApi() + "/flows/" + flowId, FleetHarness.token(customer),
                "{\"name\":\"greet\",\"actions\":" + setTo.formatted("edited") + "}");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);

        await().atMost(DEADLINE).until(() -> greetingOfANewRun(flowId).equals("edited"));
    }

    private String greetingOfANewRun(UUID flowId) {
        Activeflow run = new FlowManagerClient(fleet.rpc(), fleet.topology()).create(new ActiveflowCreate(customer,
                flowId, Activeflow.ReferenceType.CALL, UUID.randomUUID(), Map.of()));
        await().atMost(DEADLINE).until(() -> eventsOf(run.id()).contains(FlowManagerEvents.ACTIVEFLOW_DELETED));
        synchronized (callManager.flowEvents) {
            return callManager.flowEvents.stream().filter(e -> e.type().equals(FlowManagerEvents.ACTIVEFLOW_DELETED))
                    .filter(e -> e.data().path("id").asString().equals(run.id().toString()))
                    .map(e -> e.data().path("variables").path("greeting").asString()).findFirst().orElseThrow();
        }
    }

    private String standByApi() {
        return "http://127.0.0.1:" + standBy.getEnvironment().getProperty("local.server.port") + "/v1.0";
    }
}
