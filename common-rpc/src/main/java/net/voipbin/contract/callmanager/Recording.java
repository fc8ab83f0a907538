package net.voipbin.contract.callmanager;

import java.time.Instant;
import java.util.UUID;

/**
 * A recording as {@code recording_*} events carry it; {@code name} is the ARI live recording name. Either a
 * call's ({@code call_id}) or a confbridge's mixed audio ({@code confbridge_id}, with the {@code conference_id}
 * the room serves, and no {@code call_id}); for a confbridge's, {@code id} is the {@code recording_id} given to
 * {@code record_start} and told by {@code confbridge_record_started}.
 */
public record Recording(
        UUID id,
        UUID customerId,
        UUID callId,
        String name,
        String format,
        Status status,
        int durationSeconds,
        Instant tmStart,
        Instant tmEnd,
        UUID confbridgeId,
        UUID conferenceId) {

    public enum Status { RECORDING, DONE, FAILED }

    /** A call's recording. */
    public Recording(UUID id, UUID customerId, UUID callId, String name, String format, Status status,
            int durationSeconds, Instant tmStart, Instant tmEnd) {
        this(id, customerId, callId, name, format, status, durationSeconds, tmStart, tmEnd, null, null);
    }
}
