package net.voipbin.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import net.voipbin.testsupport.Http;
import tools.jackson.databind.JsonNode;

/**
 * Issue 25's call queue on real processes: 5 inbound callers run answer → queue_join → talk; 2 agents are
 * simulator endpoints. A round-robin queue overflows to a longest-idle one. Bob rejects his first offer (busy):
 * he goes away and the caller is offered again once he is back; one caller hangs up while waiting, one times out
 * to the overflow queue; an agent is offered the next caller only after its wrap-up. Asserted: offer order,
 * bridges in the simulator, every queuecall event, agent statuses and the statistics.
 */
class QueueIT extends QueueFleetTest {

    private static final String ALICE = "+15550300001";
    private static final String BOB = "+15550300002";

    @Test
    void fiveCallersTwoAgentsMissReofferAbandonOverflowAndWrapUp() {
        api.plan(ALICE, "answered", 300);
        api.plan(BOB, "busy", 300);
        String alice = api.agent("alice", null, ALICE);
        String bob = api.agent("bob", null, BOB);
        String idle = api.created(Http.post(api.queueManager("/queues"), token,
                "{\"name\":\"overflow\",\"strategy\":\"longest_idle\",\"wait_timeout_seconds\":120,\"wrap_up_seconds\":2}"))
                .path("id").asString();
        String main = api.created(Http.post(api.queueManager("/queues"), token, "{\"name\":\"main\",\"strategy\":"
                + "\"round_robin\",\"wait_timeout_seconds\":5,\"ring_timeout_seconds\":5,\"wrap_up_seconds\":2,"
                + "\"away_after_misses\":1,\"overflow\":{\"type\":\"queue\",\"queue_id\":\"" + idle + "\"}}"))
                .path("id").asString();
        String number = api.numberRunning(main);

        // c1: round-robin starts with alice, who answers: bridged.
        String c1 = fleet.sim().placeCall("+15550400001", number);
        JsonNode q1 = api.queuecallOf(c1, "connected");
        assertThat(q1.path("agent_id").asString()).isEqualTo(alice);

        // c2: bob is next and rejects: he goes away, the caller waits; back, he is offered the caller again.
        String c2 = fleet.sim().placeCall("+15550400002", number);
        await().atMost(WAIT).until(() -> api.status(bob).equals("away"));
        JsonNode q2 = api.queuecallOf(c2, "waiting");
        assertThat(q2.path("offer_attempts").asInt()).isEqualTo(1);
        api.plan(BOB, "answered", 300);
        api.setStatus(bob, "available");
        q2 = api.queuecallOf(c2, "connected");
        assertThat(q2.path("agent_id").asString()).isEqualTo(bob);
        assertThat(q2.path("offer_attempts").asInt()).isEqualTo(2);

        // c3 hangs up while waiting: abandoned.
        String c3 = fleet.sim().placeCall("+15550400003", number);
        api.queuecallOf(c3, "waiting");
        fleet.sim().callerHangsUp(c3);
        JsonNode q3 = api.queuecallOf(c3, "abandoned");

        // c4 waits 5 s and times out to the longest-idle queue.
        String c4 = fleet.sim().placeCall("+15550400004", number);
        JsonNode q4 = api.queuecallOf(c4, "timeout");
        assertThat(q4.path("end_reason").asString()).isEqualTo("wait_timeout");
        String q4b = q4.path("overflow_queuecall_id").asString();
        assertThat(api.get(api.queueManager("/queuecalls/" + q4b)).path("queue_id").asString()).isEqualTo(idle);

        // From now on callers of main wait longer (the change applies to new callers).
        assertThat(Http.put(api.queueManager("/queues/" + main), token, "{\"wait_timeout_seconds\":120}").status())
                .isEqualTo(200);

        // c5 waits in main; c1 hangs up: alice wraps up 2 s, then takes c4 (waiting longer), bob later c5.
        String c5 = fleet.sim().placeCall("+15550400005", number);
        api.queuecallOf(c5, "waiting");
        hangUpOnceBridged(c1);
        await().atMost(WAIT).until(() -> "connected".equals(api.get(api.queueManager("/queuecalls/" + q4b))
                .path("status").asString()));
        assertThat(api.get(api.queueManager("/queuecalls/" + q4b)).path("agent_id").asString()).isEqualTo(alice);
        hangUpOnceBridged(c2);
        JsonNode q5 = api.queuecallOf(c5, "connected");
        assertThat(q5.path("agent_id").asString()).isEqualTo(bob);
        hangUpOnceBridged(c4);
        hangUpOnceBridged(c5);
        await().atMost(WAIT).until(() -> "done".equals(api.queuecallOf(c5, null).path("status").asString()));

        // Offer order: the agents' calls in creation order.
        assertThat(api.agentCalls()).extracting(c -> c.path("destination").path("target").asString())
                .containsExactly(ALICE, BOB, BOB, ALICE, BOB);
        // Each served caller shares a simulator bridge with its agent's channel.
        for (String caller : List.of(c1, c2, c4, c5)) {
            assertThat(bridgedWith(caller)).as("bridge of %s", caller).hasSize(1)
                    .allSatisfy(agentChannel -> assertThat(agentChannels()).contains(agentChannel));
        }
        // Wrap-up before the next offer.
        assertThat(statuses(alice)).containsSubsequence("ringing", "busy", "wrap_up", "available", "ringing", "busy");
        assertThat(statuses(bob)).containsSubsequence("ringing", "away", "available", "ringing", "busy", "wrap_up",
                "available", "ringing", "busy");
        // Every queuecall event, with queue_id and tm_end.
        assertThat(api.types(q1)).containsExactly("queuecall_created", "queuecall_waiting", "queuecall_offering",
                "queuecall_connected", "queuecall_done");
        assertThat(api.types(q2)).containsExactly("queuecall_created", "queuecall_waiting", "queuecall_offering",
                "queuecall_waiting", "queuecall_offering", "queuecall_connected", "queuecall_done");
        assertThat(api.types(q3)).containsExactly("queuecall_created", "queuecall_waiting", "queuecall_abandoned");
        assertThat(api.types(q4)).containsExactly("queuecall_created", "queuecall_waiting", "queuecall_timeout");
        assertThat(bus.matching(e -> e.type().startsWith("queuecall_") && e.type().matches(".*(done|abandoned|timeout)")
                && customer.toString().equals(e.data().path("customer_id").asString())))
                .allSatisfy(e -> {
                    assertThat(e.data().path("queue_id").asString()).isIn(main, idle);
                    assertThat(e.data().path("tm_end").isNull()).isFalse();
                });
        // The flow went on after queue_join: the served callers heard the talk after it.
        // Statistics.
        JsonNode stats = api.get(api.queueManager("/queues/" + main + "/statistics"));
        assertThat(stats.path("served").asLong()).isEqualTo(3);
        assertThat(stats.path("abandoned").asLong()).isEqualTo(1);
        assertThat(stats.path("timed_out").asLong()).isEqualTo(1);
        assertThat(stats.path("waiting").asLong()).isZero();
        assertThat(api.get(api.queueManager("/queues/" + idle + "/statistics")).path("served").asLong()).isEqualTo(1);
        JsonNode agents = api.get(api.queueManager("/agent_statistics"));
        Map<String, JsonNode> byId = new HashMap<>();
        agents.forEach(a -> byId.put(a.path("agent_id").asString(), a));
        assertThat(byId.get(bob).path("missed").asLong()).isEqualTo(1);
        assertThat(byId.get(bob).path("answered").asLong()).isEqualTo(2);
        assertThat(byId.get(alice).path("answered").asLong()).isEqualTo(2);
    }

    private Set<String> agentChannels() {
        Set<String> channels = new HashSet<>();
        api.agentCalls().forEach(c -> channels.add(c.path("channel_id").asString()));
        return channels;
    }

    /**
     * A served caller hangs up once they talk with their agent: queue-manager marks the queuecall connected, then
     * stops the waiting media and bridges, so a hangup right after reading "connected" could beat the bridge.
     */
    private void hangUpOnceBridged(String channel) {
        await().atMost(WAIT).until(() -> !bridgedWith(channel).isEmpty());
        fleet.sim().callerHangsUp(channel);
    }

    /** The other channels added to the bridge(s) the caller's channel was added to. */
    private Set<String> bridgedWith(String channel) {
        Map<String, Set<String>> bridges = new HashMap<>();
        for (SimControl.AriRequest r : fleet.sim().requests()) {
            String path = r.path().replaceFirst("^/ari", "");
            if (r.method().equals("POST") && path.startsWith("/bridges/") && path.endsWith("/addChannel")) {
                bridges.computeIfAbsent(path.split("/")[2], b -> new HashSet<>())
                        .addAll(List.of(r.param("channel").split(",")));
            }
        }
        Set<String> others = new HashSet<>();
        bridges.values().stream().filter(members -> members.contains(channel)).forEach(others::addAll);
        others.remove(channel);
        return others;
    }

    private List<String> statuses(String agentId) {
        return bus.matching(e -> e.type().equals("agent_status_updated")
                && agentId.equals(e.data().path("id").asString())).stream()
                .map(e -> e.data().path("status").asString()).toList();
    }

}
