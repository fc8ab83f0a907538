package net.voipbin.contract.campaignmanager;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * How a campaign dials: the caller id ({@code source}, E.164), how long a call may ring
 * ({@code dial_timeout_ms}, passed to the originate), how many attempts each destination slot gets
 * ({@code max_tries[slot]}) and how long to wait after an attempt ended before the next one, per
 * result: busy, no answer (incl. our dial timeout), unavailable (network failure, unallocated number)
 * and failed (the originate refused).
 */
public record Outplan(
        UUID id,
        UUID customerId,
        String name,
        String detail,
        String source,
        int dialTimeoutMs,
        List<Integer> maxTries,
        long retryBusyMs,
        long retryNoAnswerMs,
        long retryUnavailableMs,
        long retryFailedMs,
        Instant tmCreate,
        Instant tmUpdate) {

    public Outplan {
        maxTries = maxTries == null ? List.of() : List.copyOf(maxTries);
    }
}
