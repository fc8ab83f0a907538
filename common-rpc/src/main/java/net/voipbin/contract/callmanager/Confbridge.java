package net.voipbin.contract.callmanager;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A bridge-backed room (conference, queue waiting room) and the calls in it; {@code confbridge_*} events.
 * {@code conference_id}: the conference it serves, when conference-manager created it.
 */
public record Confbridge(
        UUID id,
        UUID customerId,
        UUID conferenceId,
        String bridgeId,
        String asteriskId,
        Type type,
        Status status,
        List<UUID> callIds,
        Instant tmCreate,
        Instant tmUpdate) {

    public enum Type { CONFERENCE, CONNECT }

    public enum Status { ACTIVE, TERMINATED }

    public Confbridge {
        callIds = callIds == null ? List.of() : List.copyOf(callIds);
    }
}
