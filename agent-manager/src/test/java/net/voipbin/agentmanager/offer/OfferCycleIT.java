package net.voipbin.agentmanager.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.agentmanager.AgentManagerITBase;
import net.voipbin.contract.agentmanager.Agent;
import net.voipbin.contract.agentmanager.AgentManagerEvents;
import net.voipbin.contract.agentmanager.AgentReserve;
import net.voipbin.contract.agentmanager.AgentStatus;
import net.voipbin.contract.agentmanager.AgentStatusReason;
import net.voipbin.contract.agentmanager.OfferRequests;
import net.voipbin.contract.agentmanager.OfferRequests.MissReason;
import net.voipbin.contract.agentmanager.Reservation;
import net.voipbin.contract.agentmanager.ReservationStrategy;
import net.voipbin.rpc.client.RpcErrorException;

/** The offer cycle queue-manager drives: what the agent's status, counters and announcements become. */
class OfferCycleIT extends AgentManagerITBase {

    @Test
    void anAnsweredCallEndsInWrapUpAndTheAgentIsAvailableByItselfAfterIt() {
        UUID agent = availableAgents("a").getFirst().id();
        UUID queuecall = UUID.randomUUID();

        Reservation reservation = agents.reserve(AgentReserve.of(customer, queuecall, ReservationStrategy.RANDOM, List.of()));
        assertThat(reservation.agents()).singleElement().satisfies(a -> assertThat(a.referenceId()).isEqualTo(queuecall));
        assertThat(agents.answered(agent, new OfferRequests.Answered(customer, reservation.id())).status())
                .isEqualTo(AgentStatus.BUSY);
        Agent wrapping = agents.ended(agent, new OfferRequests.Ended(customer, reservation.id(), 2));
        assertThat(wrapping.status()).isEqualTo(AgentStatus.WRAP_UP);
        assertThat(wrapping.statusUntil()).isNotNull();

        await().atMost(DEADLINE).until(() -> read(agent).status() == AgentStatus.AVAILABLE);
        Agent after = read(agent);
        assertThat(after.statusReason()).isEqualTo(AgentStatusReason.WRAP_UP_DONE);
        assertThat(Duration.between(wrapping.tmStatus(), after.tmStatus())).isBetween(Duration.ofSeconds(2),
                Duration.ofSeconds(4));
        assertThat(after.stats().offered()).isEqualTo(1);
        assertThat(after.stats().answered()).isEqualTo(1);
        assertThat(after.stats().tmLastEnded()).isEqualTo(wrapping.tmStatus());
        assertThat(after.stats().staffedMs()).as("at least the wrap-up").isGreaterThanOrEqualTo(2000);
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(events.of(AgentManagerEvents.AGENT_STATUS_UPDATED, agent))
                .extracting(Agent::previousStatus, Agent::status, Agent::statusReason)
                .containsExactly(tuple(AgentStatus.OFFLINE, AgentStatus.AVAILABLE, AgentStatusReason.AGENT),
                        tuple(AgentStatus.AVAILABLE, AgentStatus.RINGING, AgentStatusReason.RESERVED),
                        tuple(AgentStatus.RINGING, AgentStatus.BUSY, AgentStatusReason.ANSWERED),
                        tuple(AgentStatus.BUSY, AgentStatus.WRAP_UP, AgentStatusReason.ENDED),
                        tuple(AgentStatus.WRAP_UP, AgentStatus.AVAILABLE, AgentStatusReason.WRAP_UP_DONE)));
    }

    @Test
    void anAgentRungOnAtTheNextAddressKeepsRingingPastTheFirstDeadlineAndMissesAtTheNewOne() {
        UUID agent = availableAgents("a").getFirst().id();
        Reservation reservation = agents.reserve(new AgentReserve(customer, null, UUID.randomUUID(),
                ReservationStrategy.RANDOM, List.of(), List.of(), List.of(), null, 1, null));

        Agent rungOn = agents.ringing(agent, new OfferRequests.Ringing(customer, reservation.id(), 3));
        assertThat(rungOn.status()).isEqualTo(AgentStatus.RINGING);
        assertThat(rungOn.statusUntil()).isAfter(reservation.agents().getFirst().statusUntil().plusMillis(1500));

        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(2))
                .until(() -> read(agent).status() == AgentStatus.RINGING);
        await().atMost(DEADLINE).until(() -> read(agent).status() == AgentStatus.AVAILABLE);
        assertThat(read(agent).statusReason()).isEqualTo(AgentStatusReason.RING_TIMEOUT);
        assertThat(read(agent).stats().missed()).isEqualTo(1);
        assertThatThrownBy(() -> agents.ringing(agent, new OfferRequests.Ringing(customer, reservation.id(), 3)))
                .as("no longer ringing").isInstanceOfSatisfying(RpcErrorException.class,
                        e -> assertThat(e.status()).isEqualTo(409));
        assertThatThrownBy(() -> agents.ringing(agent, new OfferRequests.Ringing(customer, UUID.randomUUID(), 3)))
                .as("another reservation").isInstanceOfSatisfying(RpcErrorException.class,
                        e -> assertThat(e.body().error()).isEqualTo("reservation_mismatch"));
    }

        @Test
    void anAgentWhoMissesTooManyOffersInARowGoesAway() {
        UUID agent = availableAgents("a").getFirst().id();

        for (int i = 1; i <= 2; i++) {
            Reservation reservation = agents.reserve(AgentReserve.of(customer, null, ReservationStrategy.RANDOM, List.of()));
            Agent missed = agents.missed(agent, new OfferRequests.Missed(customer, reservation.id(), MissReason.NO_ANSWER, 2));
            assertThat(missed.status()).as("after miss " + i).isEqualTo(i < 2 ? AgentStatus.AVAILABLE : AgentStatus.AWAY);
        }

        Agent away = read(agent);
        assertThat(away.statusReason()).isEqualTo(AgentStatusReason.MISSED_LIMIT);
        assertThat(away.stats().missed()).isEqualTo(2);
        assertThat(away.stats().consecutiveMisses()).isEqualTo(2);
        assertThat(agents.reserve(AgentReserve.of(customer, null, ReservationStrategy.RANDOM, List.of())).agents())
                .as("an away agent is not offered calls").isEmpty();
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(events.of(AgentManagerEvents.AGENT_STATUS_UPDATED, agent))
                .last().extracting(Agent::status).isEqualTo(AgentStatus.AWAY));
    }

    @Test
    void anOfferNobodyReportsOnIsAMissAfterItsRingTimeout() {
        UUID agent = availableAgents("a").getFirst().id();

        agents.reserve(new AgentReserve(customer, null, null, ReservationStrategy.RANDOM, List.of(), List.of(), List.of(),
                null, 1, null));

        await().atMost(DEADLINE).until(() -> read(agent).status() == AgentStatus.AVAILABLE);
        assertThat(read(agent).statusReason()).isEqualTo(AgentStatusReason.RING_TIMEOUT);
        assertThat(read(agent).stats().missed()).isEqualTo(1);
    }

    @Test
    void releasingARingAllReservationFreesTheAgentsStillRinging() {
        List<Agent> team = availableAgents("a", "b", "c");
        Reservation reservation = agents.reserve(AgentReserve.of(customer, null, ReservationStrategy.RING_ALL, List.of()));
        UUID answering = team.get(1).id();
        agents.answered(answering, new OfferRequests.Answered(customer, reservation.id()));

        List<Agent> released = agents.release(customer, reservation.id());

        assertThat(released).extracting(Agent::id).containsExactlyInAnyOrder(team.get(0).id(), team.get(2).id());
        assertThat(released).allSatisfy(a -> assertThat(a.statusReason()).isEqualTo(AgentStatusReason.RELEASED));
        assertThat(read(answering).status()).isEqualTo(AgentStatus.BUSY);
        assertThat(read(team.get(0).id()).stats().missed()).as("a release is no miss").isZero();
    }

    @Test
    void aReportForAnOlderReservationIsRefusedAndChangesNothing() {
        UUID agent = availableAgents("a").getFirst().id();
        Reservation first = agents.reserve(AgentReserve.of(customer, null, ReservationStrategy.RANDOM, List.of()));
        agents.missed(agent, new OfferRequests.Missed(customer, first.id(), MissReason.DECLINED, 0));
        Reservation second = agents.reserve(AgentReserve.of(customer, null, ReservationStrategy.RANDOM, List.of()));

        assertThatThrownBy(() -> agents.answered(agent, new OfferRequests.Answered(customer, first.id())))
                .isInstanceOfSatisfying(RpcErrorException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("reservation_mismatch");
                });
        assertThat(agents.missed(agent, new OfferRequests.Missed(customer, second.id(), MissReason.BUSY, 0)).status())
                .isEqualTo(AgentStatus.AVAILABLE);
        assertThat(agents.missed(agent, new OfferRequests.Missed(customer, second.id(), MissReason.BUSY, 0)).stats().missed())
                .as("the same report again counts once").isEqualTo(2);
        assertThatThrownBy(() -> agents.ended(agent, new OfferRequests.Ended(customer, second.id(), 0)))
                .isInstanceOfSatisfying(RpcErrorException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid_transition");
                    assertThat(e.getMessage()).contains("is available and cannot become available");
                });
        assertThatThrownBy(() -> agents.answered(agent, new OfferRequests.Answered(UUID.randomUUID(), second.id())))
                .as("another customer's agent").isInstanceOfSatisfying(RpcErrorException.class,
                        e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void aRetriedReservationAnswersTheSameAgentsInsteadOfReservingMore() {
        availableAgents("a", "b");
        AgentReserve request = new AgentReserve(customer, UUID.randomUUID(), null, ReservationStrategy.RANDOM, List.of(),
                List.of(), List.of(), null, null, null);

        Reservation first = agents.reserve(request);
        Reservation retry = agents.reserve(request);

        assertThat(retry.id()).isEqualTo(first.id());
        assertThat(retry.agents()).extracting(Agent::id).containsExactly(first.agents().getFirst().id());
        assertThat(agents.list(customer, AgentStatus.RINGING, null, 10, null).result()).hasSize(1);
    }

    @Test
    void aBadReservationIsRefusedNamingTheField() {
        assertThatThrownBy(() -> agents.reserve(new AgentReserve(customer, null, null, ReservationStrategy.ROUND_ROBIN_ORDERED,
                List.of(), List.of(), List.of(), null, null, null)))
                .isInstanceOfSatisfying(RpcErrorException.class, e -> assertThat(e.field()).isEqualTo("order"));
        assertThatThrownBy(() -> agents.reserve(new AgentReserve(customer, null, null, ReservationStrategy.RANDOM,
                List.of(new net.voipbin.contract.agentmanager.AgentSkill("sales", 0)), List.of(), List.of(), null, null, null)))
                .isInstanceOfSatisfying(RpcErrorException.class, e -> assertThat(e.field()).isEqualTo("skills[0].level"));
        assertThatThrownBy(() -> agents.reserve(new AgentReserve(null, null, null, ReservationStrategy.RANDOM,
                List.of(), List.of(), List.of(), null, null, null)))
                .isInstanceOfSatisfying(RpcErrorException.class, e -> assertThat(e.field()).isEqualTo("customer_id"));
    }
}
