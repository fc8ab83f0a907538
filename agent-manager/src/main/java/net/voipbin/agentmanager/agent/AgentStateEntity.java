package net.voipbin.agentmanager.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import net.voipbin.contract.agentmanager.AgentStats;
import net.voipbin.contract.agentmanager.AgentStatus;
import net.voipbin.contract.agentmanager.AgentStatusReason;
import net.voipbin.rpc.error.ApiException;

/**
 * An agent's state: status, the current reservation and the offer counters. Every change goes through a method
 * here, and every method checks {@link AgentStatus#canBecome}: an illegal transition is a {@code 409
 * invalid_transition}, never an overwrite. Reports on an offer must name the agent's current reservation
 * ({@code 409 reservation_mismatch} otherwise), and the same report twice changes nothing the second time.
 * Methods answer whether anything changed (nothing changed: nothing to store or announce).
 */
@Table("agent_states")
class AgentStateEntity {

    /** What became of the current reservation. */
    enum Outcome { ANSWERED, MISSED, RELEASED, ENDED }

    @Id
    private final UUID id;
    private final UUID customerId;
    private AgentStatus status;
    private AgentStatus previousStatus;
    private AgentStatusReason statusReason;
    private Instant tmStatus;
    private Instant statusUntil;
    private UUID reservationId;
    private UUID referenceId;
    private Outcome reservationOutcome;
    private long offered;
    private long answered;
    private long missed;
    private int consecutiveMisses;
    private long talkMs;
    private long staffedMs;
    private Instant tmLastOffered;
    private Instant tmLastAnswered;
    private Instant tmLastEnded;
    /** Answered calls decayed by a half-life, as of {@code tmRecentCalls}: least_calls' rank. */
    private double recentCalls;
    private Instant tmRecentCalls;
    @Version
    private Long version;

    @PersistenceCreator
    AgentStateEntity(UUID id, UUID customerId, AgentStatus status, AgentStatus previousStatus,
            AgentStatusReason statusReason, Instant tmStatus, Long version) {
        this.id = id;
        this.customerId = customerId;
        this.status = status;
        this.previousStatus = previousStatus;
        this.statusReason = statusReason;
        this.tmStatus = tmStatus;
        this.version = version;
    }

    /** A new agent: offline until it says otherwise. */
    static AgentStateEntity created(UUID id, UUID customerId, Instant now) {
        return new AgentStateEntity(id, customerId, AgentStatus.OFFLINE, null, AgentStatusReason.CREATED, now, null);
    }

    /** The agent chooses offline, available or away; not while an offered call is ringing or in progress. */
    boolean setByAgent(AgentStatus target, Instant now) {
        if (!target.isSelfService()) {
            throw ApiException.invalidField("status", "must be offline, available or away; "
                    + target.wireName() + " is set by offers");
        }
        if (target == status) {
            return false;
        }
        if (status == AgentStatus.RINGING || status == AgentStatus.BUSY) {
            throw ApiException.conflict("agent_on_call", "agent " + id + " is " + status.wireName()
                    + ": the offered call must be answered, missed or ended before the agent can become "
                    + target.wireName());
        }
        moveTo(target, AgentStatusReason.AGENT, now);
        if (target == AgentStatus.AVAILABLE) {
            consecutiveMisses = 0;
        }
        return true;
    }

    /** Available → ringing for {@code reservation}, until {@code until} (then it counts as missed). */
    void reserve(UUID reservation, UUID reference, Instant now, Instant until) {
        moveTo(AgentStatus.RINGING, AgentStatusReason.RESERVED, now);
        reservationId = reservation;
        referenceId = reference;
        reservationOutcome = null;
        offered++;
        tmLastOffered = now;
        statusUntil = until;
    }

    /** Still ringing for {@code reservation} (the next address of a linear agent): the deadline moves to {@code until}. */
    void ringUntil(UUID reservation, Instant until) {
        reported(reservation, null);
        if (status != AgentStatus.RINGING || reservationOutcome != null) {
            throw ApiException.conflict("not_ringing", "agent " + id + " is " + status.wireName()
                    + ", no longer ringing for reservation " + reservation);
        }
        statusUntil = until;
    }

        /** Ringing → busy; the call counts for least_calls, less and less as {@code halfLife}s pass. */
    boolean answer(UUID reservation, Instant now, Duration halfLife) {
        if (reported(reservation, Outcome.ANSWERED)) {
            return false;
        }
        moveTo(AgentStatus.BUSY, AgentStatusReason.ANSWERED, now);
        reservationOutcome = Outcome.ANSWERED;
        answered++;
        recentCalls = recentCalls(now, halfLife) + 1;
        tmRecentCalls = now;
        consecutiveMisses = 0;
        tmLastAnswered = now;
        return true;
    }

    /** Ringing → available, or away after {@code awayAfter} misses in a row (0 = never). */
    boolean miss(UUID reservation, int awayAfter, Instant now) {
        return miss(reservation, awayAfter, now, AgentStatusReason.MISSED);
    }

    /** Busy → wrap_up until {@code wrapUp} has passed, or available at once when it is zero. */
    boolean end(UUID reservation, Duration wrapUp, Instant now) {
        if (reported(reservation, Outcome.ENDED)) {
            return false;
        }
        AgentStatus next = wrapUp.isZero() ? AgentStatus.AVAILABLE : AgentStatus.WRAP_UP;
        if (status != AgentStatus.BUSY) {
            throw illegal(next);
        }
        moveTo(next, AgentStatusReason.ENDED, now);
        reservationOutcome = Outcome.ENDED;
        talkMs += Math.max(0, Duration.between(tmLastAnswered, now).toMillis());
        tmLastEnded = now;
        statusUntil = wrapUp.isZero() ? null : now.plus(wrapUp);
        return true;
    }

    /** Withdraws the offer of an agent still ringing for {@code reservation}: available, no miss counted. */
    boolean release(UUID reservation, Instant now) {
        if (status != AgentStatus.RINGING || !reservation.equals(reservationId)) {
            return false;
        }
        moveTo(AgentStatus.AVAILABLE, AgentStatusReason.RELEASED, now);
        reservationOutcome = Outcome.RELEASED;
        return true;
    }

    /**
     * The timed status is over: ringing counts as a miss, wrap-up ends. False when the status did not change
     * (not due yet, or a deadline left over: then it is dropped, and the row must still be stored).
     */
    boolean deadlinePassed(int awayAfter, Instant now) {
        if (statusUntil == null || statusUntil.isAfter(now)) {
            return false;
        }
        if (status == AgentStatus.RINGING && reservationOutcome == null) {
            return miss(reservationId, awayAfter, now, AgentStatusReason.RING_TIMEOUT);
        }
        if (status == AgentStatus.WRAP_UP) {
            moveTo(AgentStatus.AVAILABLE, AgentStatusReason.WRAP_UP_DONE, now);
            return true;
        }
        // Nothing timed any more: the deadline is dropped so that no sweep claims it again.
        statusUntil = null;
        return false;
    }

    private boolean miss(UUID reservation, int awayAfter, Instant now, AgentStatusReason reason) {
        if (reported(reservation, Outcome.MISSED)) {
            return false;
        }
        if (status != AgentStatus.RINGING) {
            throw illegal(AgentStatus.AVAILABLE);
        }
        missed++;
        consecutiveMisses++;
        boolean away = awayAfter > 0 && consecutiveMisses >= awayAfter;
        moveTo(away ? AgentStatus.AWAY : AgentStatus.AVAILABLE, away ? AgentStatusReason.MISSED_LIMIT : reason, now);
        reservationOutcome = Outcome.MISSED;
        return true;
    }

    /** The report names the current reservation; true when this very outcome was already reported. */
    private boolean reported(UUID reservation, Outcome outcome) {
        if (reservationId == null || !reservationId.equals(reservation)) {
            throw ApiException.conflict("reservation_mismatch", "agent " + id + (reservationId == null
                    ? " holds no reservation" : " holds reservation " + reservationId) + ", not " + reservation);
        }
        return reservationOutcome == outcome;
    }

    private void moveTo(AgentStatus next, AgentStatusReason reason, Instant now) {
        if (!status.canBecome(next)) {
            throw illegal(next);
        }
        if (isStaffed(status)) {
            staffedMs += Math.max(0, Duration.between(tmStatus, now).toMillis());
        }
        previousStatus = status;
        status = next;
        statusReason = reason;
        tmStatus = now;
        statusUntil = null;
    }

    /** Staffed: at work for the queues, whether free or on a call (not offline or away). */
    private static boolean isStaffed(AgentStatus status) {
        return status != AgentStatus.OFFLINE && status != AgentStatus.AWAY;
    }

    private ApiException illegal(AgentStatus next) {
        return ApiException.conflict("invalid_transition", "agent " + id + " is " + status.wireName()
                + " and cannot become " + next.wireName() + " (from " + status.wireName() + ": "
                + status.next().stream().map(AgentStatus::wireName).sorted().collect(Collectors.joining(", ")) + ")");
    }

    /** The decayed count of answered calls at {@code now} (the SQL of least_calls computes the same). */
    double recentCalls(Instant now, Duration halfLife) {
        if (tmRecentCalls == null) {
            return 0;
        }
        double halfLives = (double) Duration.between(tmRecentCalls, now).toMillis() / halfLife.toMillis();
        return recentCalls * Math.pow(0.5, halfLives);
    }

    UUID id() {
        return id;
    }

    UUID customerId() {
        return customerId;
    }

    AgentStatus status() {
        return status;
    }

    AgentStatus previousStatus() {
        return previousStatus;
    }

    AgentStatusReason statusReason() {
        return statusReason;
    }

    Instant tmStatus() {
        return tmStatus;
    }

    Instant statusUntil() {
        return statusUntil;
    }

    UUID reservationId() {
        return reservationId;
    }

    UUID referenceId() {
        return referenceId;
    }

    AgentStats stats() {
        return new AgentStats(offered, answered, missed, consecutiveMisses, talkMs, staffedMs, tmLastOffered,
                tmLastAnswered, tmLastEnded);
    }
}
