package net.voipbin.contract.outdialmanager;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Bodies of the dialer's routes (campaign-manager): claim the next target attempts of an outdial, then
 * report each one's outcome, release it unused, or renew its lease while the call lasts. Every route
 * after the claim names the {@code claim_id} it got: a claim that lapsed and was taken by another
 * caller answers {@code 409 claim_lost}.
 */
public final class ClaimRequests {

    public static final long DEFAULT_LEASE_MS = 60_000;
    public static final long MAX_LEASE_MS = 86_400_000;

    private ClaimRequests() {
    }

    /**
     * {@code POST /v1/outdials/<id>/claims}. {@code max_tries[i]}: how many attempts destination slot i
     * may have (slots past the list: none); the claim hands out the first slot, in order, that has a
     * number and fewer tries than that. {@code lease_ms} (default 60 s): how long the claim holds
     * without a renewal. {@code limit} (default 1): at most that many targets. {@code window} (optional):
     * the campaign's calling window; a due target outside it is not handed out but waits for it.
     */
    public record Claim(
            @NotEmpty @Size(max = 5) List<@NotNull @Min(0) @Max(100) Integer> maxTries,
            @Min(1000) @Max(MAX_LEASE_MS) Long leaseMs,
            @Min(1) @Max(100) Integer limit,
            @Valid Window window) {

        public Claim {
            maxTries = maxTries == null ? null : List.copyOf(maxTries);
        }

        /** A claim without a calling window. */
        public Claim(List<Integer> maxTries, Long leaseMs, Integer limit) {
            this(maxTries, leaseMs, limit, null);
        }

        public long lease() {
            return leaseMs == null ? DEFAULT_LEASE_MS : leaseMs;
        }

        public int max() {
            return limit == null ? 1 : limit;
        }
    }

    /**
     * {@code POST /v1/outdialtargets/<id>/outcome}: the claimed attempt happened. Every outcome counts a
     * try on the claimed slot. {@code retry} needs {@code next_try_at} (the target waits idle till
     * then); with {@code max_tries} (as in the claim) a retry that left no slot with tries to spare
     * ends the target {@code failed} at once instead of at the next claim.
     */
    public record Outcome(
            @NotNull UUID claimId,
            @NotNull AttemptOutcome outcome,
            Instant nextTryAt,
            @Size(max = 5) List<@NotNull @Min(0) @Max(100) Integer> maxTries) {

        public Outcome {
            maxTries = maxTries == null ? null : List.copyOf(maxTries);
        }
    }

    /**
     * {@code POST /v1/outdialtargets/<id>/release}: the claim is given back without a dial (the campaign
     * stopped, the target's calling window is closed): no try is counted; the target is idle again
     * from {@code next_try_at} (default now).
     */
    public record Release(@NotNull UUID claimId, Instant nextTryAt) {
    }

    /** {@code POST /v1/outdialtargets/<id>/renew}: the claim holds for {@code lease_ms} more from now. */
    public record Renew(@NotNull UUID claimId, @NotNull @Min(1000) @Max(MAX_LEASE_MS) Long leaseMs) {
    }

    /**
     * A calling window: a target is handed out only while its local time (its own {@code time_zone},
     * else this {@code time_zone}, else UTC) is on one of {@code days} at or after {@code start} and
     * before {@code end} (same day: {@code start} before {@code end}). A due target outside it is set
     * to wait, idle, until the window next opens there: not handed out, no try counted, no event.
     */
    public record Window(
            @NotEmpty Set<@NotNull DayOfWeek> days,
            @NotNull LocalTime start,
            @NotNull LocalTime end,
            String timeZone) {

        public Window {
            days = days == null ? null : Set.copyOf(days);
        }
    }

    /** What became of an attempt. */
    public enum AttemptOutcome {
        /** The target is finished (answered and handled): status done. */
        DONE,
        /** Give the target up: status failed. */
        FAILED,
        /** The number is on the customer's do-not-call list; it was not dialled: status dnc. */
        DNC,
        /** Try again at {@code next_try_at}: status idle. */
        RETRY
    }
}
