package net.voipbin.contract.agentmanager;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Bodies of the offer outcome routes. Each names the reservation it reports on: a report for another
 * reservation than the agent's current one is {@code 409 reservation_mismatch} (a late report never moves an
 * agent that has since been offered another call); the same report again answers the agent as it is.
 */
public final class OfferRequests {

    private OfferRequests() {
    }

    /** {@code POST /v1/agents/<id>/answered}: ringing → busy. */
    public record Answered(@NotNull UUID customerId, @NotNull UUID reservationId) {
    }

    /** Why an offer was missed. */
    public enum MissReason { NO_ANSWER, BUSY, DECLINED, FAILED }

    /**
     * {@code POST /v1/agents/<id>/missed}: ringing → available, or away once the agent has missed
     * {@code away_after_misses} offers in a row (default: the setting {@code voipbin.agent-manager.away-after-misses};
     * 0 = never).
     */
    public record Missed(@NotNull UUID customerId, @NotNull UUID reservationId, MissReason reason,
            @Min(0) @Max(100) Integer awayAfterMisses) {
    }

    /**
     * {@code POST /v1/agents/<id>/ended}: busy → wrap_up for {@code wrap_up_seconds}, then available by itself
     * (a durable deadline, kept across restarts); 0 or absent → available at once.
     */
    public record Ended(@NotNull UUID customerId, @NotNull UUID reservationId, @Min(0) @Max(3600) Integer wrapUpSeconds) {
    }

    /**
     * {@code POST /v1/agents/<id>/ringing}: still ringing for the reservation (a {@code linear} agent's next address
     * is dialled), so the ring deadline becomes now + {@code ring_timeout_seconds}; no status change, no event.
     */
    public record Ringing(@NotNull UUID customerId, @NotNull UUID reservationId,
            @NotNull @Min(1) @Max(3600) Integer ringTimeoutSeconds) {
    }

        /** {@code POST /v1/reservations/<id>/release}: every agent still ringing for it → available, no miss counted. */
    public record Release(@NotNull UUID customerId) {
    }
}
