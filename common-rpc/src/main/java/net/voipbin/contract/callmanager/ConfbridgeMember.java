package net.voipbin.contract.callmanager;

import java.util.UUID;

/** Data of {@code confbridge_joined} / {@code confbridge_left}: who, and how many are in the room now. */
public record ConfbridgeMember(UUID confbridgeId, UUID customerId, UUID callId, int participantCount, String reason) {
}
