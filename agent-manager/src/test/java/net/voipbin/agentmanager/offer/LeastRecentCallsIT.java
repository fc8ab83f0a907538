package net.voipbin.agentmanager.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import net.voipbin.agentmanager.AgentManagerITBase;
import net.voipbin.contract.agentmanager.Agent;
import net.voipbin.contract.agentmanager.AgentReserve;
import net.voipbin.contract.agentmanager.OfferRequests;
import net.voipbin.contract.agentmanager.Reservation;
import net.voipbin.contract.agentmanager.ReservationStrategy;

/**
 * least_calls counts recent calls, not lifetime ones (half-life 1 s here, an hour by default): the agent who took
 * many calls a while ago is offered the next one before a colleague who took one just now.
 */
@TestPropertySource(properties = "voipbin.agent-manager.recent-calls-half-life=1s")
class LeastRecentCallsIT extends AgentManagerITBase {

    @Test
    void callsLongAgoWeighLessThanACallJustNow() {
        List<Agent> team = availableAgents("veteran", "newcomer");
        UUID veteran = team.get(0).id();
        UUID newcomer = team.get(1).id();
        for (int i = 0; i < 3; i++) {
            talk(veteran);
        }
        Instant veteransLastCall = Instant.now();
        await().atMost(DEADLINE).until(() -> Instant.now().isAfter(veteransLastCall.plusSeconds(3)));
        talk(newcomer);

        Reservation next = agents.reserve(AgentReserve.of(customer, null, ReservationStrategy.LEAST_CALLS, List.of()));

        assertThat(next.agents()).extracting(Agent::id).containsExactly(veteran);
        assertThat(next.agents().getFirst().stats().answered()).as("three calls in all").isEqualTo(3);
    }

    private void talk(UUID agentId) {
        Reservation reservation = agents.reserve(new AgentReserve(customer, null, null, ReservationStrategy.LINEAR,
                List.of(), List.of(), List.of(agentId), null, null, null));
        assertThat(reservation.agents().getFirst().id()).isEqualTo(agentId);
        agents.answered(agentId, new OfferRequests.Answered(customer, reservation.id()));
        agents.ended(agentId, new OfferRequests.Ended(customer, reservation.id(), 0));
    }
}
