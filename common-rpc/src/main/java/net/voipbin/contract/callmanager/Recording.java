package net.voipbin.contract.callmanager;

import java.time.Instant;
import java.util.UUID;

/** A call recording as {@code recording_*} events carry it; {@code name} is the ARI live recording name. */
public record Recording(
        UUID id,
        UUID customerId,
        UUID callId,
        String name,
        String format,
        Status status,
        int durationSeconds,
        Instant tmStart,
        Instant tmEnd) {

    public enum Status { RECORDING, DONE, FAILED }
}
