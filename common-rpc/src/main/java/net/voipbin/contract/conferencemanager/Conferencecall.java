package net.voipbin.contract.conferencemanager;

import java.time.Instant;
import java.util.UUID;

/**
 * A participant: one call in one conference. {@code status} joining (asked call-manager to bridge it),
 * joined (in the bridge), leaving (kick or stop asked), left. {@code leave_reason} once left: {@code hangup},
 * {@code kick}, {@code stop}, {@code timeout}, {@code failed} (the bridge never took it).
 */
public record Conferencecall(
        UUID id,
        UUID customerId,
        UUID conferenceId,
        UUID callId,
        UUID activeflowId,
        Status status,
        Role role,
        boolean muted,
        String leaveReason,
        Instant tmCreate,
        Instant tmUpdate) {

    public enum Status { JOINING, JOINED, LEAVING, LEFT }

    public enum Role { MODERATOR, PARTICIPANT }
}
