package net.voipbin.queuemanager.queuecall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.contract.queuemanager.Queuecall;
import net.voipbin.contract.queuemanager.QueuecallStatus;
import net.voipbin.queuemanager.QueueManagerITBase;
import net.voipbin.queuemanager.support.CallManagerFake.Plan;
import net.voipbin.rpc.auth.JwtTokens;
import net.voipbin.testsupport.Http;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.JsonNode;

/** {@code DELETE /v1.0/queuecalls/<id>}: the customer takes a waiting caller out of the line. */
class QueuecallKickIT extends QueueManagerITBase {

    private static String unique(String name) {
        return name + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void aWaitingCallerTakenOutStopsHearingTheQueueKeepsTheCallAndIsCountedAsKicked() {
        UUID queue = queue("{\"name\":\"kick\",\"moh_class\":\"jazz\"}");
        String caller = unique("caller");
        Queuecall q = join(queue, caller);
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(calls.heardBy(caller)).contains("moh jazz"));

        Http.Response kicked = Http.delete(api("/queuecalls/" + q.id()), token);

        assertThat(kicked.status()).as(kicked.body()).isEqualTo(200);
        JsonNode body = json.readTree(kicked.body());
        assertThat(body.get("status").asString()).isEqualTo("kicked");
        assertThat(body.get("end_reason").asString()).isEqualTo("kicked");
        assertThat(body.get("tm_end").isNull()).isFalse();
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(events.queuecallTypes(q.id()))
                .containsExactly("queuecall_created", "queuecall_waiting", "queuecall_kicked"));
        assertThat(calls.heardBy(caller)).as("the music stopped (no prompt was playing)").endsWith("moh jazz", "moh_stop");
        assertThat(calls.hungUp(q.referenceId())).as("the call goes on with its flow").isFalse();
        JsonNode stats = get("/queues/" + queue + "/statistics");
        assertThat(stats.get("kicked").asLong()).isEqualTo(1);
        assertThat(stats.get("waiting").asLong()).isZero();
        assertThat(stats.get("abandoned").asLong()).isZero();
        assertThat(stats.get("timed_out").asLong()).isZero();
        assertThat(stats.get("service_level_percent").asDouble()).as("not the caller's experience").isEqualTo(100.0);

        Http.Response again = Http.delete(api("/queuecalls/" + q.id()), token);
        assertThat(again.status()).isEqualTo(409);
        assertThat(json.readTree(again.body()).get("error").asString()).isEqualTo("queuecall_not_waiting");
    }

    @Test
    void anotherCustomersOrAnUnknownQueuecallIsNotFound() {
        UUID queue = queue("{\"name\":\"mine\"}");
        Queuecall q = join(queue, unique("caller"));
        String stranger = JwtTokens.mint(TestInfra.JWT_SECRET, UUID.randomUUID(), Duration.ofHours(1));

        assertThat(Http.delete(api("/queuecalls/" + q.id()), stranger).status()).isEqualTo(404);
        assertThat(Http.delete(api("/queuecalls/" + UUID.randomUUID()), token).status()).isEqualTo(404);
        assertThat(read(q).status()).isEqualTo(QueuecallStatus.WAITING);
    }

    @Test
    void aCallerBeingOfferedIsTakenOutAndTheRingingAgentIsHungUpAndFreeAgain() {
        String silent = unique("silent");
        UUID agent = agent(silent);
        calls.plan(silent, Plan.NEVER);
        UUID queue = queue("{\"name\":\"ringing\",\"ring_timeout_seconds\":60}");
        Queuecall q = join(queue, unique("caller"));
        await().atMost(DEADLINE).until(() -> read(q).status() == QueuecallStatus.OFFERING);

        assertThat(Http.delete(api("/queuecalls/" + q.id()), token).status()).isEqualTo(200);

        await().atMost(DEADLINE).untilAsserted(() -> assertThat(calls.commands).contains("hangup " + silent));
        await().atMost(DEADLINE).until(() -> agentStatusNow(agent).equals("available"));
        assertThat(agentManager.get(customer, agent).stats().missed()).as("released, not missed").isZero();
    }

    @Test
    void aConnectedCallerIsNoLongerInTheLine() {
        String name = unique("agent");
        agent(name);
        UUID queue = queue("{\"name\":\"served\"}");
        Queuecall q = join(queue, unique("caller"));
        await().atMost(DEADLINE).until(() -> read(q).status() == QueuecallStatus.CONNECTED);

        Http.Response r = Http.delete(api("/queuecalls/" + q.id()), token);

        assertThat(r.status()).isEqualTo(409);
        assertThat(read(q).status()).isEqualTo(QueuecallStatus.CONNECTED);
    }
}
