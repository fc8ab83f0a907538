package net.voipbin.queuemanager.queuecall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.contract.queuemanager.Queuecall;
import net.voipbin.contract.queuemanager.QueuecallStatus;
import net.voipbin.queuemanager.QueueManagerITBase;

/**
 * Who is offered in which order, per strategy: three agents a, b, c (created in that order, all answering),
 * callers arriving one after another, each connected (bridged) to the agent rung for them. The second round
 * starts after the three calls ended in the order b, c, a, which is where round-robin and longest-idle differ.
 */
class StrategyOrderIT extends QueueManagerITBase {

    private String a;
    private String b;
    private String c;
    private List<UUID> ids;

    private void team() {
        String prefix = "x" + UUID.randomUUID().toString().substring(0, 6);
        a = prefix + "a";
        b = prefix + "b";
        c = prefix + "c";
        ids = List.of(agent(a), agent(b), agent(c));
    }

    /** Callers one at a time, each waiting until connected; the agents' extensions dialled, in order. */
    private List<Queuecall> serve(UUID queueId, int callers) {
        List<Queuecall> served = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            Queuecall q = join(queueId, "caller" + i + "-" + UUID.randomUUID());
            await().atMost(DEADLINE).until(() -> read(q).status() == QueuecallStatus.CONNECTED);
            served.add(read(q));
        }
        return served;
    }

    private void hangUpInOrder(List<Queuecall> served, int... order) {
        for (int i : order) {
            Queuecall q = served.get(i);
            calls.hangUp(q.referenceId());
            await().atMost(DEADLINE).until(() -> read(q).status() == QueuecallStatus.DONE);
            await().atMost(DEADLINE).until(() -> agentStatusNow(q.agentId()).equals("available"));
        }
    }

    @Test
    void roundRobinOffersEachAgentInTurnAndWrapsAroundFromTheLastOneGiven() {
        team();
        UUID queue = queue("{\"name\":\"rr\",\"strategy\":\"round_robin\"}");
        List<Queuecall> first = serve(queue, 3);
        assertThat(calls.dialled()).containsExactly(a, b, c);
        assertThat(first).extracting(Queuecall::agentId).containsExactlyElementsOf(ids);
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(calls.commands).contains(
                "bridge " + nameOf(first.get(0)) + " " + a, "bridge " + nameOf(first.get(1)) + " " + b,
                "bridge " + nameOf(first.get(2)) + " " + c));
        hangUpInOrder(first, 1, 2, 0);
        serve(queue, 1);
        assertThat(calls.dialled()).containsExactly(a, b, c, a);
    }

    @Test
    void longestIdleOffersTheAgentWhoseLastCallEndedLongestAgo() {
        team();
        UUID queue = queue("{\"name\":\"li\",\"strategy\":\"longest_idle\"}");
        List<Queuecall> first = serve(queue, 3);
        assertThat(calls.dialled()).containsExactly(a, b, c);
        hangUpInOrder(first, 1, 2, 0);
        serve(queue, 2);
        assertThat(calls.dialled()).containsExactly(a, b, c, b, c);
    }

    @Test
    void leastCallsOffersTheAgentWithFewestAnsweredCalls() {
        team();
        UUID queue = queue("{\"name\":\"lc\",\"strategy\":\"least_calls\"}");
        List<Queuecall> first = serve(queue, 2);
        assertThat(calls.dialled()).containsExactly(a, b);
        hangUpInOrder(first, 0, 1);
        serve(queue, 1);
        assertThat(calls.dialled()).containsExactly(a, b, c);
    }

    @Test
    void linearAlwaysOffersTheFirstFreeAgentInTheQueuesOrder() {
        team();
        UUID queue = queue("{\"name\":\"lin\",\"strategy\":\"linear\",\"agent_order\":[\"" + ids.get(1) + "\",\""
                + ids.get(2) + "\",\"" + ids.get(0) + "\"]}");
        List<Queuecall> first = serve(queue, 2);
        assertThat(calls.dialled()).containsExactly(b, c);
        hangUpInOrder(first, 0);
        serve(queue, 1);
        assertThat(calls.dialled()).containsExactly(b, c, b);
    }

    @Test
    void roundRobinOrderedFollowsTheQueuesOrderInTurn() {
        team();
        UUID queue = queue("{\"name\":\"rro\",\"strategy\":\"round_robin_ordered\",\"agent_order\":[\"" + ids.get(2)
                + "\",\"" + ids.get(0) + "\",\"" + ids.get(1) + "\"]}");
        List<Queuecall> first = serve(queue, 3);
        assertThat(calls.dialled()).containsExactly(c, a, b);
        hangUpInOrder(first, 0, 1, 2);
        serve(queue, 1);
        assertThat(calls.dialled()).containsExactly(c, a, b, c);
    }

    @Test
    void ringAllRingsEveryFreeAgentAndConnectsTheFirstToAnswerHangingUpTheOthers() {
        team();
        UUID queue = queue("{\"name\":\"all\",\"strategy\":\"ring_all\"}");
        Queuecall q = serve(queue, 1).getFirst();
        assertThat(calls.dialled()).containsExactlyInAnyOrder(a, b, c);
        String winner = await().atMost(DEADLINE).until(() -> calls.commands.stream()
                .filter(s -> s.startsWith("bridge " + nameOf(q) + " ")).findFirst(), java.util.Optional::isPresent)
                .orElseThrow().split(" ")[2];
        assertThat(q.agentId()).isEqualTo(ids.get(List.of(a, b, c).indexOf(winner)));
        List<String> losers = new ArrayList<>(List.of(a, b, c));
        losers.remove(winner);
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(calls.commands)
                .contains("hangup " + losers.get(0), "hangup " + losers.get(1)));
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(ids.stream().map(this::agentStatusNow).sorted())
                .containsExactly("available", "available", "busy"));
    }

    @Test
    void randomAndWeightedRandomOfferDistinctFreeAgents() {
        team();
        UUID random = queue("{\"name\":\"rnd\",\"strategy\":\"random\"}");
        List<Queuecall> first = serve(random, 3);
        assertThat(calls.dialled()).containsExactlyInAnyOrder(a, b, c);
        hangUpInOrder(first, 0, 1, 2);
        UUID weighted = queue("{\"name\":\"wrnd\",\"strategy\":\"weighted_random\"}");
        serve(weighted, 3);
        assertThat(calls.dialled().subList(3, 6)).containsExactlyInAnyOrder(a, b, c);
    }

    private String nameOf(Queuecall q) {
        return calls.name(q.referenceId());
    }
}
