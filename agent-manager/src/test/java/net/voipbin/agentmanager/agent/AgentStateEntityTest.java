package net.voipbin.agentmanager.agent;

import static net.voipbin.contract.agentmanager.AgentStatus.AVAILABLE;
import static net.voipbin.contract.agentmanager.AgentStatus.AWAY;
import static net.voipbin.contract.agentmanager.AgentStatus.BUSY;
import static net.voipbin.contract.agentmanager.AgentStatus.OFFLINE;
import static net.voipbin.contract.agentmanager.AgentStatus.RINGING;
import static net.voipbin.contract.agentmanager.AgentStatus.WRAP_UP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.contract.agentmanager.AgentStatus;
import net.voipbin.contract.agentmanager.AgentStatusReason;
import net.voipbin.rpc.error.ApiException;

class AgentStateEntityTest {

    private static final Instant T0 = Instant.parse("2026-01-20T12:00:00Z");
    private final UUID reservation = UUID.randomUUID();
    private final AgentStateEntity agent = AgentStateEntity.created(UUID.randomUUID(), UUID.randomUUID(), T0);

    @Test
    void theTransitionTableAllowsExactlyTheseMoves() {
        Map<AgentStatus, Set<AgentStatus>> expected = Map.of(
                OFFLINE, EnumSet.of(AVAILABLE, AWAY),
                AVAILABLE, EnumSet.of(OFFLINE, AWAY, RINGING),
                AWAY, EnumSet.of(AVAILABLE, OFFLINE),
                RINGING, EnumSet.of(BUSY, AVAILABLE, AWAY),
                BUSY, EnumSet.of(WRAP_UP, AVAILABLE),
                WRAP_UP, EnumSet.of(AVAILABLE, AWAY, OFFLINE));
        for (AgentStatus from : AgentStatus.values()) {
            for (AgentStatus to : AgentStatus.values()) {
                assertThat(from.canBecome(to)).as(from + " -> " + to).isEqualTo(expected.get(from).contains(to));
            }
        }
    }

    @Test
    void aNewAgentIsOfflineAndCannotBeReserved() {
        assertThat(agent.status()).isEqualTo(OFFLINE);
        assertThat(agent.statusReason()).isEqualTo(AgentStatusReason.CREATED);

        assertThatThrownBy(() -> agent.reserve(reservation, null, T0, T0.plusSeconds(30)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("invalid_transition");
                    assertThat(e.getMessage()).contains("is offline and cannot become ringing (from offline: available, away)");
                });
    }

    @Test
    void theAgentChoosesOnlyOfflineAvailableOrAwayAndNotDuringACall() {
        assertThat(agent.setByAgent(AVAILABLE, T0)).isTrue();
        assertThat(agent.setByAgent(AVAILABLE, T0)).as("the same status again changes nothing").isFalse();
        assertThatThrownBy(() -> agent.setByAgent(RINGING, T0)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.field()).isEqualTo("status"));

        agent.reserve(reservation, null, T0, T0.plusSeconds(30));
        assertThatThrownBy(() -> agent.setByAgent(AWAY, T0)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.code()).isEqualTo("agent_on_call");
        });
    }

    @Test
    void anAnsweredOfferMakesTheAgentBusyOnceAndResetsTheMisses() {
        agent.setByAgent(AVAILABLE, T0);
        agent.reserve(reservation, null, T0, T0.plusSeconds(30));
        agent.miss(reservation, 0, T0.plusSeconds(1));
        UUID second = UUID.randomUUID();
        agent.reserve(second, null, T0.plusSeconds(2), T0.plusSeconds(32));

        assertThat(agent.answer(second, T0.plusSeconds(3), Duration.ofHours(1))).isTrue();
        assertThat(agent.answer(second, T0.plusSeconds(4), Duration.ofHours(1))).as("a repeated report").isFalse();

        assertThat(agent.status()).isEqualTo(BUSY);
        assertThat(agent.previousStatus()).isEqualTo(RINGING);
        assertThat(agent.statusUntil()).isNull();
        assertThat(agent.stats().answered()).isEqualTo(1);
        assertThat(agent.stats().offered()).isEqualTo(2);
        assertThat(agent.stats().consecutiveMisses()).isZero();
    }

    @Test
    void recentCallsCountHalfAfterEachHalfLife() {
        agent.setByAgent(AVAILABLE, T0);
        for (int i = 0; i < 2; i++) {
            UUID offer = UUID.randomUUID();
            agent.reserve(offer, null, T0, T0.plusSeconds(30));
            agent.answer(offer, T0, Duration.ofHours(1));
            agent.end(offer, Duration.ZERO, T0);
        }

        assertThat(agent.recentCalls(T0, Duration.ofHours(1))).isEqualTo(2.0);
        assertThat(agent.recentCalls(T0.plus(Duration.ofHours(2)), Duration.ofHours(1))).isEqualTo(0.5);
        assertThat(agent.stats().answered()).as("the lifetime count does not decay").isEqualTo(2);
    }

    @Test
    void aReportOnAnotherReservationIsRefused() {
        agent.setByAgent(AVAILABLE, T0);
        agent.reserve(reservation, null, T0, T0.plusSeconds(30));

        assertThatThrownBy(() -> agent.answer(UUID.randomUUID(), T0, Duration.ofHours(1))).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo("reservation_mismatch");
            assertThat(e.getMessage()).contains("holds reservation " + reservation);
        });
        assertThat(agent.status()).isEqualTo(RINGING);
    }

    @Test
    void afterNMissesInARowTheAgentGoesAway() {
        agent.setByAgent(AVAILABLE, T0);
        for (int i = 1; i <= 3; i++) {
            UUID offer = UUID.randomUUID();
            agent.reserve(offer, null, T0, T0.plusSeconds(30));
            agent.miss(offer, 3, T0.plusSeconds(i));
            assertThat(agent.status()).as("after miss " + i).isEqualTo(i < 3 ? AVAILABLE : AWAY);
        }
        assertThat(agent.statusReason()).isEqualTo(AgentStatusReason.MISSED_LIMIT);
        assertThat(agent.stats().missed()).isEqualTo(3);

        agent.setByAgent(AVAILABLE, T0.plusSeconds(10));
        assertThat(agent.stats().consecutiveMisses()).as("coming back starts the count again").isZero();
    }

    @Test
    void withoutALimitMissesNeverSendTheAgentAway() {
        agent.setByAgent(AVAILABLE, T0);
        for (int i = 0; i < 10; i++) {
            UUID offer = UUID.randomUUID();
            agent.reserve(offer, null, T0, T0.plusSeconds(30));
            agent.miss(offer, 0, T0);
        }
        assertThat(agent.status()).isEqualTo(AVAILABLE);
        assertThat(agent.stats().consecutiveMisses()).isEqualTo(10);
    }

    @Test
    void anEndedCallWrapsUpUntilItsDeadlineAndCountsTheTalkTime() {
        agent.setByAgent(AVAILABLE, T0);
        agent.reserve(reservation, null, T0, T0.plusSeconds(30));
        agent.answer(reservation, T0.plusSeconds(5), Duration.ofHours(1));

        assertThat(agent.end(reservation, Duration.ofSeconds(30), T0.plusSeconds(65))).isTrue();

        assertThat(agent.status()).isEqualTo(WRAP_UP);
        assertThat(agent.statusUntil()).isEqualTo(T0.plusSeconds(95));
        assertThat(agent.stats().talkMs()).isEqualTo(60_000);
        assertThat(agent.stats().tmLastEnded()).isEqualTo(T0.plusSeconds(65));
        assertThat(agent.deadlinePassed(3, T0.plusSeconds(94))).as("not yet").isFalse();
        assertThat(agent.deadlinePassed(3, T0.plusSeconds(95))).isTrue();
        assertThat(agent.status()).isEqualTo(AVAILABLE);
        assertThat(agent.statusReason()).isEqualTo(AgentStatusReason.WRAP_UP_DONE);
        assertThat(agent.statusUntil()).isNull();
    }

    @Test
    void staffedTimeCountsAvailableRingingBusyAndWrapUpButNotAwayOrOffline() {
        agent.setByAgent(AVAILABLE, T0.plusSeconds(100));
        agent.reserve(reservation, null, T0.plusSeconds(110), T0.plusSeconds(140));
        agent.answer(reservation, T0.plusSeconds(115), Duration.ofHours(1));
        agent.end(reservation, Duration.ofSeconds(5), T0.plusSeconds(175));
        agent.deadlinePassed(3, T0.plusSeconds(180));
        agent.setByAgent(AWAY, T0.plusSeconds(200));
        agent.setByAgent(AVAILABLE, T0.plusSeconds(500));
        agent.setByAgent(OFFLINE, T0.plusSeconds(510));

        assertThat(agent.stats().staffedMs()).as("100..200 and 500..510").isEqualTo(110_000);
        assertThat(agent.stats().talkMs()).isEqualTo(60_000);
    }

    @Test
    void anEndWithoutWrapUpMakesTheAgentAvailableAtOnce() {
        agent.setByAgent(AVAILABLE, T0);
        agent.reserve(reservation, null, T0, T0.plusSeconds(30));
        agent.answer(reservation, T0, Duration.ofHours(1));

        agent.end(reservation, Duration.ZERO, T0.plusSeconds(1));

        assertThat(agent.status()).isEqualTo(AVAILABLE);
        assertThat(agent.statusReason()).isEqualTo(AgentStatusReason.ENDED);
    }

    @Test
    void aCallCannotEndBeforeItWasAnswered() {
        agent.setByAgent(AVAILABLE, T0);
        agent.reserve(reservation, null, T0, T0.plusSeconds(30));

        assertThatThrownBy(() -> agent.end(reservation, Duration.ofSeconds(10), T0))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage())
                        .contains("is ringing and cannot become wrap_up (from ringing: available, away, busy)"));
    }

    @Test
    void ringingPastItsTimeoutIsAMiss() {
        agent.setByAgent(AVAILABLE, T0);
        agent.reserve(reservation, null, T0, T0.plusSeconds(20));

        assertThat(agent.deadlinePassed(3, T0.plusSeconds(20))).isTrue();

        assertThat(agent.status()).isEqualTo(AVAILABLE);
        assertThat(agent.statusReason()).isEqualTo(AgentStatusReason.RING_TIMEOUT);
        assertThat(agent.stats().missed()).isEqualTo(1);
    }

    @Test
    void aReleaseFreesOnlyAnAgentStillRingingForThatReservation() {
        agent.setByAgent(AVAILABLE, T0);
        agent.reserve(reservation, null, T0, T0.plusSeconds(20));

        assertThat(agent.release(UUID.randomUUID(), T0)).isFalse();
        assertThat(agent.release(reservation, T0)).isTrue();
        assertThat(agent.release(reservation, T0)).isFalse();

        assertThat(agent.status()).isEqualTo(AVAILABLE);
        assertThat(agent.statusReason()).isEqualTo(AgentStatusReason.RELEASED);
        assertThat(agent.stats().missed()).isZero();
    }
}
