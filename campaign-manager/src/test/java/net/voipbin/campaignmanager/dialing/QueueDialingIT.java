package net.voipbin.campaignmanager.dialing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.asterisksim.OriginateOutcome;
import net.voipbin.campaignmanager.support.CampaignITBase;
import net.voipbin.testsupport.Http;
import tools.jackson.databind.JsonNode;

/**
 * Campaigns dialling for a queue (progressive, predictive) through the real call-manager, flow-manager (the answered
 * call's {@code queue_join}), queue-manager and agent-manager, agents and customers played by the simulator. What is
 * asserted is what a customer and the agents would notice: how many numbers are ringing (the simulator's originates,
 * the attempts still dialing) against the agents free to take them, and who was abandoned.
 */
class QueueDialingIT extends CampaignITBase {

    /** Simulated time runs 100x: 10 s simulated is 0.1 s. */
    private static final Duration QUICK = Duration.ofSeconds(10);

    @Test
    void progressiveRingsAtMostTheAvailableAgentsTimesTheRatio() {
        // Nobody answers while the test watches (30 s of ringing, our dial timeout ends it at 20 s): every call
        // dialled stays ringing, so the originates are the calls in flight.
        List<String> targets = numbers(8, OriginateOutcome.ANSWERED, Duration.ofSeconds(3000));
        UUID first = agent(QUICK);
        UUID second = agent(QUICK);
        agentStatus(second, "offline");
        UUID queue = queue("");
        UUID campaign = queueCampaign(queue, "\"dialing_mode\":\"progressive\",\"dialing_ratio\":2.0", targets, 20000,
                queueJoin(queue));
        start(campaign);

        // One agent available x 2.0: two numbers ring, and no more while that holds.
        await().atMost(WAIT).until(() -> dialled(targets) == 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> dialled(targets) == 2);
        // A second agent logs in: two more.
        agentStatus(second, "available");
        await().atMost(WAIT).until(() -> dialled(targets) == 4);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> dialled(targets) == 4);
        // One goes away: the four ringing already cover the one left, nothing more is dialled.
        agentStatus(first, "away");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> dialled(targets) == 4);
        stop(campaign);
    }

    @Test
    void progressiveDialsNothingWhileItsAgentsTalkAndOneMoreWhenAnAgentIsFree() {
        List<String> targets = numbers(5, OriginateOutcome.ANSWERED, QUICK);
        List<UUID> agents = List.of(agent(QUICK), agent(QUICK));
        UUID queue = queue("");
        UUID campaign = queueCampaign(queue, "\"dialing_mode\":\"progressive\"", targets, 20000, queueJoin(queue));
        start(campaign);

        // Two customers answer and are put through to the two agents, who talk: nobody else is dialled meanwhile.
        await().atMost(WAIT).until(() -> agents.stream().allMatch(a -> "busy".equals(agentState(a))));
        assertThat(dialled(targets)).isEqualTo(2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> dialled(targets) == 2);

        // One customer hangs up: their agent is free, and one more number is dialled for them.
        String talking = targets.stream().filter(t -> !originates(t).isEmpty()).findFirst().orElseThrow();
        SIM.hangupFromCaller(originates(talking).getFirst().param("channelId").orElseThrow());
        await().atMost(WAIT).until(() -> dialled(targets) == 3);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> dialled(targets) == 3);
        assertThat(statistics(campaign).path("abandoned").asLong()).isZero();
        stop(campaign);
    }

    @Test
    void predictiveRingsSeveralNumbersPerAgentWhenFewAnswerWhereProgressiveRingsOne() {
        UUID queue = queue(",\"service_timeout_seconds\":1");
        agent(QUICK);
        agent(QUICK);
        agent(QUICK);
        UUID progressive = queueCampaign(queue, "\"dialing_mode\":\"progressive\"", fewAnswer(40), 20000,
                queueJoin(queue));
        start(progressive);
        // Progressive: never more numbers ringing than the three agents, however few answer.
        await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(8)).until(() -> ringing(progressive) <= 3);
        stop(progressive);
        awaitStatus(progressive, "stop");

        UUID predictive = queueCampaign(queue, "\"dialing_mode\":\"predictive\",\"max_abandon_rate\":0.1",
                fewAnswer(150), 20000, queueJoin(queue));
        start(predictive);
        // Predictive measured 1 answer in 5: it rings several numbers per agent.
        await().atMost(Duration.ofSeconds(40)).until(() -> ringing(predictive) >= 7);
        stop(predictive);
    }

    @Test
    void predictiveFallsBackToProgressiveOnceAbandonsPassTheCap() {
        UUID queue = queue(",\"service_timeout_seconds\":1");
        agent(QUICK);
        agent(QUICK);
        agent(QUICK);
        UUID campaign = queueCampaign(queue, "\"dialing_mode\":\"predictive\",\"max_abandon_rate\":0.1",
                fewAnswer(250), 20000, queueJoin(queue));
        start(campaign);
        await().atMost(Duration.ofSeconds(40)).until(() -> ringing(campaign) >= 7);

        // From now on an answered customer waits 2.5 s before even joining the queue: every one is abandoned
        // (no agent within 2 s of the answer), though the agents are as free as before.
        read(Http.put(api("/campaigns/" + campaign), token, "{\"actions\":[{\"type\":\"sleep\",\"option\":"
                + "{\"duration_ms\":2500}}," + queueJoinAction(queue) + "]}"), 200);
        await().atMost(Duration.ofSeconds(40)).until(() -> statistics(campaign).path("abandoned").asLong() >= 4);
        // Back to progressive: at most the three agents' worth of numbers ringing.
        await().atMost(Duration.ofSeconds(10)).until(() -> ringing(campaign) <= 3);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> ringing(campaign) <= 3);
        JsonNode stats = statistics(campaign);
        assertThat(stats.path("abandon_rate").asDouble()).isGreaterThan(0.0);
        stop(campaign);
    }

    @Test
    void aCustomerWhoHangsUpWaitingForAnAgentIsAbandoned() {
        List<String> targets = numbers(1, OriginateOutcome.ANSWERED, QUICK);
        // The only agent takes 10 s to answer.
        UUID slow = agent(Duration.ofSeconds(1000));
        UUID queue = queue("");
        UUID campaign = queueCampaign(queue, "\"dialing_mode\":\"progressive\"", targets, 20000, queueJoin(queue));
        start(campaign);
        await().atMost(WAIT).until(() -> "ringing".equals(agentState(slow)));
        SIM.hangupFromCaller(originates(targets.getFirst()).getFirst().param("channelId").orElseThrow());

        awaitStatus(campaign, "stop");
        assertThat(campaigncalls(campaign)).singleElement().satisfies(c -> {
            assertThat(c.path("result").asString()).isEqualTo("abandoned");
            assertThat(c.path("status").asString()).isEqualTo("done");
        });
        JsonNode stats = statistics(campaign);
        assertThat(stats.path("answered").asLong()).isEqualTo(1);
        assertThat(stats.path("abandoned").asLong()).isEqualTo(1);
        assertThat(stats.path("abandon_rate").asDouble()).isEqualTo(1.0);
        // Not dialled again: an abandoned customer was reached.
        assertThat(originates(targets.getFirst())).hasSize(1);
        await().atMost(WAIT).until(() -> "available".equals(agentState(slow)));
    }

    @Test
    void queueModesNeedAQueueOfTheCustomersAndRatiosAndCapsInRange() {
        UUID queue = queue("");
        assertThat(read(Http.post(api("/campaigns"), token, "{\"name\":\"c\",\"dialing_mode\":\"predictive\"}"), 400)
                .path("field").asString()).isEqualTo("queue_id");
        assertThat(read(Http.post(api("/campaigns"), token, "{\"name\":\"c\",\"queue_id\":\"" + queue
                + "\",\"dialing_mode\":\"progressive\",\"dialing_ratio\":0}"), 400).path("field").asString())
                .isEqualTo("dialing_ratio");
        assertThat(read(Http.post(api("/campaigns"), token, "{\"name\":\"c\",\"queue_id\":\"" + queue
                + "\",\"dialing_mode\":\"predictive\",\"max_abandon_rate\":0.5}"), 400).path("field").asString())
                .isEqualTo("max_abandon_rate");
        assertThat(read(Http.post(api("/campaigns"), token, "{\"name\":\"c\",\"type\":\"flow\",\"queue_id\":\"" + queue
                + "\",\"dialing_mode\":\"progressive\"}"), 400).path("field").asString()).isEqualTo("dialing_mode");
        // Another customer's queue is unknown here.
        assertThat(Http.post(api("/campaigns"), token, "{\"name\":\"c\",\"queue_id\":\"" + UUID.randomUUID()
                + "\",\"dialing_mode\":\"progressive\"}").status()).isEqualTo(404);

        JsonNode created = read(Http.post(api("/campaigns"), token, "{\"name\":\"c\",\"queue_id\":\"" + queue
                + "\",\"dialing_mode\":\"predictive\"}"), 201);
        assertThat(created.path("dialing_mode").asString()).isEqualTo("predictive");
        assertThat(created.path("dialing_ratio").asDouble()).isEqualTo(1.0);
        assertThat(created.path("max_abandon_rate").asDouble()).isEqualTo(0.03);
        // A mode change keeps the queue; dropping to power needs none.
        assertThat(read(Http.put(api("/campaigns/" + id(created)), token, "{\"dialing_mode\":\"power\"}"), 200)
                .path("dialing_mode").asString()).isEqualTo("power");
        assertThat(read(Http.post(api("/campaigns"), token, "{\"name\":\"c\"}"), 201).path("dialing_mode").asString())
                .isEqualTo("power");
    }

    /** {@code count} new numbers, each planned as given. */
    private static List<String> numbers(int count, OriginateOutcome outcome, Duration after) {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String n = number();
            SIM.planOriginate(n, outcome, after);
            numbers.add(n);
        }
        return numbers;
    }

    /** One in five answers at once; the others ring 2 s and give up. */
    private static List<String> fewAnswer(int count) {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            numbers.addAll(i % 5 == 0 ? numbers(1, OriginateOutcome.ANSWERED, QUICK)
                    : numbers(1, OriginateOutcome.NO_ANSWER, Duration.ofSeconds(200)));
        }
        return numbers;
    }

    /** An available agent of this customer, rung on a number of its own that answers after {@code answersAfter}. */
    private UUID agent(Duration answersAfter) {
        String phone = numbers(1, OriginateOutcome.ANSWERED, answersAfter).getFirst();
        UUID agent = id(read(Http.post(neighbours.agentApi() + "/agents", token, "{\"name\":\"agent " + phone
                + "\",\"addresses\":[{\"type\":\"tel\",\"target\":\"" + phone + "\"}]}"), 201));
        agentStatus(agent, "available");
        return agent;
    }

    private void agentStatus(UUID agent, String status) {
        read(Http.put(neighbours.agentApi() + "/agents/" + agent + "/status", token, "{\"status\":\"" + status + "\"}"), 200);
    }

    private String agentState(UUID agent) {
        return read(Http.get(neighbours.agentApi() + "/agents/" + agent, token), 200).path("status").asString();
    }

    private UUID queue(String extra) {
        return id(read(Http.post(neighbours.queueApi() + "/queues", token, "{\"name\":\"q\",\"strategy\":\"longest_idle\","
                + "\"ring_timeout_seconds\":30" + extra + "}"), 201));
    }

    private static String queueJoin(UUID queue) {
        return "\"actions\":[" + queueJoinAction(queue) + "]";
    }

    private static String queueJoinAction(UUID queue) {
        return "{\"type\":\"queue_join\",\"option\":{\"queue_id\":\"" + queue + "\"}}";
    }

    private UUID queueCampaign(UUID queue, String mode, List<String> targets, int dialTimeoutMs, String actions) {
        UUID plan = outplan(dialTimeoutMs, "[1]", 600000, 600000, 600000);
        UUID outdial = outdial(targets.stream().map(List::of).toList());
        return campaign("\"outplan_id\":\"" + plan + "\",\"outdial_id\":\"" + outdial + "\",\"queue_id\":\"" + queue
                + "\",\"dial_rate\":20,\"max_in_flight\":100,\"end_handle\":\"stop\"," + mode + "," + actions);
    }

    private void start(UUID campaign) {
        read(Http.post(api("/campaigns/" + campaign + "/start"), token, ""), 200);
    }

    private void stop(UUID campaign) {
        read(Http.post(api("/campaigns/" + campaign + "/stop"), token, ""), 200);
    }

    private static long dialled(List<String> targets) {
        return targets.stream().mapToLong(t -> originates(t).size()).sum();
    }

    /** The campaign's attempts ringing now (newest first, so the first page holds them). */
    private long ringing(UUID campaign) {
        JsonNode page = read(Http.get(api("/campaigns/" + campaign + "/campaigncalls?page_size=100"), token), 200);
        long n = 0;
        for (JsonNode c : page.path("result")) {
            n += "dialing".equals(c.path("status").asString()) ? 1 : 0;
        }
        return n;
    }
}
