package net.voipbin.queuemanager.queuecall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.contract.queuemanager.Queue;
import net.voipbin.contract.queuemanager.Queuecall;
import net.voipbin.contract.queuemanager.QueuecallStatus;
import net.voipbin.queuemanager.QueueManagerITBase;
import net.voipbin.queuemanager.support.CallManagerFake.Plan;
import net.voipbin.testsupport.Http;
import tools.jackson.databind.JsonNode;

/** The offer cycle as a caller and an agent notice it: misses, re-offers, wrap-up, waits that end. */
class OfferCycleIT extends QueueManagerITBase {

    private static String unique(String name) {
        return name + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void aMissedOfferGoesToTheNextAgentAtOnceAndTheCallerKeepsTheirPlace() {
        String busy = unique("busy");
        String good = unique("good");
        UUID busyAgent = agent(busy);
        UUID goodAgent = agent(good);
        calls.plan(busy, Plan.BUSY);
        UUID queue = queue("{\"name\":\"miss\",\"strategy\":\"linear\",\"agent_order\":[\"" + busyAgent + "\",\""
                + goodAgent + "\"],\"away_after_misses\":0}");

        Queuecall q = join(queue, unique("caller"));

        await().atMost(DEADLINE).until(() -> read(q).status() == QueuecallStatus.CONNECTED);
        assertThat(calls.dialled()).containsExactly(busy, good);
        assertThat(read(q).agentId()).isEqualTo(goodAgent);
        assertThat(read(q).offerAttempts()).isEqualTo(2);
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(calls.commands)
                .contains("bridge " + calls.name(q.referenceId()) + " " + good));
        assertThat(events.queuecallTypes(q.id())).containsSubsequence("queuecall_created", "queuecall_waiting",
                "queuecall_offering", "queuecall_waiting", "queuecall_offering", "queuecall_connected");
        assertThat(agentManager.get(customer, busyAgent).stats().missed()).isEqualTo(1);
        assertThat(agentStatusNow(busyAgent)).isEqualTo("available");
    }

    @Test
    void aLinearAgentIsRungAtEachAddressInTurnUntilOneAnswers() {
        String desk = unique("desk");
        String mobile = unique("mobile");
        calls.plan(desk, Plan.NEVER);
        Http.Response created = Http.post(AGENT_MANAGER.api("/agents"), token, "{\"name\":\"roaming\",\"ring_method\":"
                + "\"linear\",\"addresses\":[{\"type\":\"extension\",\"target\":\"" + desk + "\"},"
                + "{\"type\":\"extension\",\"target\":\"" + mobile + "\"}]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        UUID roaming = UUID.fromString(json.readTree(created.body()).get("id").asString());
        agentStatus(roaming, "available");
        UUID queue = queue("{\"name\":\"linear\",\"ring_timeout_seconds\":2}");

        Queuecall q = join(queue, unique("caller"));

        await().atMost(DEADLINE).until(() -> read(q).status() == QueuecallStatus.CONNECTED);
        assertThat(calls.dialled()).containsExactly(desk, mobile);
        assertThat(read(q).agentId()).isEqualTo(roaming);
        assertThat(read(q).offerAttempts()).as("one offer, two addresses").isEqualTo(1);
        assertThat(read(q).waitedMs()).as("the desk rang its 2 s first").isGreaterThanOrEqualTo(2000);
        assertThat(agentManager.get(customer, roaming).stats().missed()).isZero();
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(events.agentStatuses(roaming))
                .containsExactly("available", "ringing", "busy"));
    }

        @Test
    void aHigherPriorityCallerGoesFirstThenFifoAndTheAgentWrapsUpBeforeTheNextOffer() {
        String name = unique("solo");
        UUID solo = agent(name);
        agentStatus(solo, "away");
        UUID queue = queue("{\"name\":\"prio\",\"strategy\":\"round_robin\",\"wrap_up_seconds\":1}");
        Queuecall first = join(queue, unique("first"));
        Queuecall second = join(queue, unique("second"));
        Queuecall vip = join(queue, unique("vip"), Map.of("voipbin.queue.priority", "5"));
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(calls.commands)
                .contains("talk " + calls.name(vip.referenceId()) + " You are caller number 1.",
                        "talk " + calls.name(second.referenceId()) + " You are caller number 2."));

        agentStatus(solo, "available");
        for (Queuecall next : List.of(vip, first, second)) {
            await().atMost(DEADLINE).until(() -> read(next).status() == QueuecallStatus.CONNECTED);
            assertThat(read(next).agentId()).isEqualTo(solo);
            calls.hangUp(next.referenceId());
            await().atMost(DEADLINE).until(() -> read(next).status() == QueuecallStatus.DONE);
        }
        assertThat(events.agentStatuses(solo)).containsSubsequence("ringing", "busy", "wrap_up", "available",
                "ringing", "busy", "wrap_up", "available", "ringing", "busy", "wrap_up");
        assertThat(read(first).waitedMs()).isGreaterThan(read(vip).waitedMs());
        assertThat(read(vip).talkedMs()).isPositive();
    }

    @Test
    void aCallerWhoHangsUpWhileWaitingIsAbandonedAndCounted() {
        UUID queue = queue("{\"name\":\"nobody\"}");
        Queuecall q = join(queue, unique("impatient"));
        calls.hangUp(q.referenceId());

        await().atMost(DEADLINE).until(() -> read(q).status() == QueuecallStatus.ABANDONED);
        JsonNode stats = get("/queues/" + queue + "/statistics");
        assertThat(stats.get("abandoned").asLong()).isEqualTo(1);
        assertThat(stats.get("waiting").asLong()).isZero();
        JsonNode event = events.of("queuecall_abandoned", "id", q.id()).getFirst();
        assertThat(event.get("queue_id").asString()).isEqualTo(queue.toString());
        assertThat(event.get("tm_end").isNull()).isFalse();
    }

    @Test
    void aWaitThatTimesOutMovesTheCallerToTheOverflowQueueWhereAnAgentTakesIt() {
        String name = unique("overflow");
        UUID helper = agent(name, "french:60");
        UUID target = queue("{\"name\":\"french\",\"skills\":[{\"name\":\"french\",\"level\":50}]}");
        agentStatus(helper, "away");
        UUID first = queue("{\"name\":\"german\",\"wait_timeout_seconds\":1,\"skills\":[{\"name\":\"french\","
                + "\"level\":90}],\"overflow\":{\"type\":\"queue\",\"queue_id\":\"" + target + "\"}}");
        Queuecall q = join(first, unique("tourist"));

        await().atMost(DEADLINE).until(() -> read(q).status() == QueuecallStatus.TIMEOUT);
        Queuecall timedOut = read(q);
        assertThat(timedOut.endReason()).isEqualTo("wait_timeout");
        assertThat(timedOut.overflow().type()).isEqualTo(Queue.OverflowType.QUEUE);
        UUID moved = timedOut.overflowQueuecallId();
        assertThat(moved).isNotNull();
        assertThat(events.of("queuecall_timeout", "id", q.id()).getFirst().get("overflow_queuecall_id").asString())
                .isEqualTo(moved.toString());

        agentStatus(helper, "available");
        await().atMost(DEADLINE).until(() -> queueManager.get(customer, moved).status() == QueuecallStatus.CONNECTED);
        assertThat(queueManager.get(customer, moved).queueId()).isEqualTo(target);
        assertThat(get("/queues/" + first + "/statistics").get("timed_out").asLong()).isEqualTo(1);
    }

    @Test
    void aServiceTimeoutEndsTheCallOnBothSidesAndTheAgentWrapsUp() {
        String name = unique("talker");
        UUID talker = agent(name);
        UUID queue = queue("{\"name\":\"short\",\"service_timeout_seconds\":1,\"wrap_up_seconds\":30}");
        Queuecall q = join(queue, unique("chatty"));

        await().atMost(DEADLINE).until(() -> read(q).status() == QueuecallStatus.DONE);
        assertThat(read(q).endReason()).isEqualTo("service_timeout");
        await().atMost(DEADLINE).until(() -> calls.hungUp(q.referenceId()));
        assertThat(calls.commands).contains("hangup " + calls.name(q.referenceId()), "hangup " + name);
        assertThat(agentStatusNow(talker)).isEqualTo("wrap_up");
        JsonNode stats = get("/queues/" + queue + "/statistics");
        assertThat(stats.get("served").asLong()).isEqualTo(1);
        assertThat(stats.get("average_talk_ms").asLong()).isGreaterThanOrEqualTo(900);
        assertThat(stats.get("service_level_percent").asDouble()).isEqualTo(100.0);
    }

    @Test
    void anAgentWhoNeverAnswersIsMissedAtTheRingTimeoutAndTheCallerIsOfferedAgain() {
        String silent = unique("silent");
        UUID agentId = agent(silent);
        calls.plan(silent, Plan.NEVER);
        UUID queue = queue("{\"name\":\"ring\",\"ring_timeout_seconds\":1,\"away_after_misses\":2}");
        Queuecall q = join(queue, unique("waiting"));

        await().atMost(DEADLINE).until(() -> agentStatusNow(agentId).equals("away"));
        assertThat(calls.dialled()).containsExactly(silent, silent);
        assertThat(read(q).status()).isEqualTo(QueuecallStatus.WAITING);
        assertThat(read(q).offerAttempts()).isEqualTo(2);
        assertThat(agentManager.get(customer, agentId).stats().missed()).isEqualTo(2);
    }
}
