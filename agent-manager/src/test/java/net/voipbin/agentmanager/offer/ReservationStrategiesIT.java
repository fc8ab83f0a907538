package net.voipbin.agentmanager.offer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.agentmanager.AgentManagerITBase;
import net.voipbin.contract.agentmanager.Agent;
import net.voipbin.contract.agentmanager.AgentReserve;
import net.voipbin.contract.agentmanager.AgentSkill;
import net.voipbin.contract.agentmanager.AgentStatus;
import net.voipbin.contract.agentmanager.OfferRequests;
import net.voipbin.contract.agentmanager.Reservation;
import net.voipbin.contract.agentmanager.ReservationStrategy;

/** Who each strategy offers a call to, and in which order, as queue-manager sees it through the RPC. */
class ReservationStrategiesIT extends AgentManagerITBase {

    @Test
    void ringAllReservesEveryMatchingAvailableAgentAtOnce() {
        List<Agent> team = availableAgents("a", "b", "c");
        createAgent("offline", "sales:90");
        setStatus(createAgent("unskilled", "support:90").id(), "available");

        Reservation reservation = reserve(ReservationStrategy.RING_ALL, null, List.of(), List.of());

        assertThat(reservation.agents()).extracting(Agent::id).containsExactly(ids(team).toArray(UUID[]::new));
        assertThat(reservation.agents()).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(AgentStatus.RINGING);
            assertThat(a.reservationId()).isEqualTo(reservation.id());
        });
        assertThat(reserve(ReservationStrategy.RING_ALL, null, List.of(), List.of()).agents())
                .as("nobody is left to ring").isEmpty();
    }

    @Test
    void roundRobinGoesOnAfterTheCallersCursorAndWrapsAround() {
        List<UUID> team = ids(availableAgents("a", "b", "c"));

        List<UUID> offered = new ArrayList<>();
        UUID cursor = null;
        for (int i = 0; i < 5; i++) {
            Agent next = reserveAndRelease(ReservationStrategy.ROUND_ROBIN, cursor, List.of());
            offered.add(next.id());
            cursor = next.id();
        }

        assertThat(offered).containsExactly(team.get(0), team.get(1), team.get(2), team.get(0), team.get(1));
    }

    @Test
    void roundRobinOrderedFollowsTheGivenOrderFromTheCursor() {
        List<UUID> team = ids(availableAgents("a", "b", "c"));
        List<UUID> order = List.of(team.get(2), team.get(0), team.get(1));

        List<UUID> offered = new ArrayList<>();
        UUID cursor = null;
        for (int i = 0; i < 4; i++) {
            Agent next = reserveAndRelease(ReservationStrategy.ROUND_ROBIN_ORDERED, cursor, order);
            offered.add(next.id());
            cursor = next.id();
        }

        assertThat(offered).containsExactly(team.get(2), team.get(0), team.get(1), team.get(2));
    }

    @Test
    void longestIdleOffersTheAgentWhoseLastCallEndedLongestAgoNeverCalledFirst() {
        List<UUID> team = ids(availableAgents("a", "b", "c"));
        talk(team.get(0));
        talk(team.get(1));

        assertThat(reserveEach(ReservationStrategy.LONGEST_IDLE, 3)).containsExactly(team.get(2), team.get(0), team.get(1));
    }

    @Test
    void leastCallsOffersTheAgentWithTheFewestAnsweredCalls() {
        List<UUID> team = ids(availableAgents("a", "b", "c"));
        talk(team.get(0));
        talk(team.get(0));
        talk(team.get(1));

        assertThat(reserveEach(ReservationStrategy.LEAST_CALLS, 3)).containsExactly(team.get(2), team.get(1), team.get(0));
    }

    @Test
    void linearOffersInTheGivenOrderThenTheAgentsNotListed() {
        List<UUID> team = ids(availableAgents("a", "b", "c"));

        List<UUID> offered = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            offered.add(reserve(ReservationStrategy.LINEAR, null, List.of(team.get(1), team.get(2)), List.of())
                    .agents().getFirst().id());
        }

        assertThat(offered).containsExactly(team.get(1), team.get(2), team.get(0));
    }

    @Test
    void randomOffersEveryAgentSometimesAndNeverAnExcludedOne() {
        List<UUID> team = ids(availableAgents("a", "b", "c", "d"));

        Map<UUID, Integer> picks = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            UUID picked = reserveAndRelease(ReservationStrategy.RANDOM, null, List.of(), List.of(team.get(3))).id();
            picks.merge(picked, 1, Integer::sum);
        }

        assertThat(picks).containsOnlyKeys(team.get(0), team.get(1), team.get(2));
    }

    @Test
    void weightedRandomOffersInProportionToTheRequiredSkillLevels() {
        UUID strong = setStatus(createAgent("strong", "sales:90").id(), "available").id();
        UUID weak = setStatus(createAgent("weak", "sales:10").id(), "available").id();

        Map<UUID, Integer> picks = new HashMap<>(Map.of(strong, 0, weak, 0));
        for (int i = 0; i < 100; i++) {
            picks.merge(reserveAndRelease(ReservationStrategy.WEIGHTED_RANDOM, null, List.of()).id(), 1, Integer::sum);
        }

        // Expected 90 : 10; 75 is more than five standard deviations below 90.
        assertThat(picks.get(strong)).isGreaterThanOrEqualTo(75);
        assertThat(picks.get(weak)).isPositive();
    }

    @Test
    void onlyAgentsWithEveryRequiredSkillAtItsLevelAreReserved() {
        setStatus(createAgent("english only", "english:90").id(), "available");
        setStatus(createAgent("weak french", "english:80", "french:20").id(), "available");
        UUID both = setStatus(createAgent("both", "english:60", "french:50").id(), "available").id();

        Reservation reservation = agents.reserve(AgentReserve.of(customer, null, ReservationStrategy.RING_ALL,
                List.of(new AgentSkill("English", 50), new AgentSkill("french", 30))));

        assertThat(reservation.agents()).extracting(Agent::id).containsExactly(both);
    }

    /** One reservation after the other, none released: each takes the next agent in the strategy's order. */
    private List<UUID> reserveEach(ReservationStrategy strategy, int count) {
        List<UUID> offered = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            offered.add(reserve(strategy, null, List.of(), List.of()).agents().getFirst().id());
        }
        return offered;
    }

    /** A whole answered call of {@code agentId}: its last call ends now, and it has one more answered call. */
    private void talk(UUID agentId) {
        Reservation reservation = reserve(ReservationStrategy.LINEAR, null, List.of(agentId), List.of());
        assertThat(reservation.agents().getFirst().id()).isEqualTo(agentId);
        agents.answered(agentId, new OfferRequests.Answered(customer, reservation.id()));
        agents.ended(agentId, new OfferRequests.Ended(customer, reservation.id(), 0));
    }

    private Agent reserveAndRelease(ReservationStrategy strategy, UUID after, List<UUID> order) {
        return reserveAndRelease(strategy, after, order, List.of());
    }

    private Agent reserveAndRelease(ReservationStrategy strategy, UUID after, List<UUID> order, List<UUID> exclude) {
        Reservation reservation = reserve(strategy, after, order, exclude);
        assertThat(reservation.agents()).hasSize(1);
        assertThat(agents.release(customer, reservation.id())).hasSize(1);
        return reservation.agents().getFirst();
    }

    private Reservation reserve(ReservationStrategy strategy, UUID after, List<UUID> order, List<UUID> exclude) {
        return agents.reserve(new AgentReserve(customer, null, null, strategy, List.of(new AgentSkill("sales", 1)),
                exclude, order, after, (int) Duration.ofMinutes(5).toSeconds(), null));
    }

    private static List<UUID> ids(List<Agent> agents) {
        return agents.stream().map(Agent::id).toList();
    }
}
