package net.voipbin.contract.callmanager;

import java.util.UUID;

/**
 * Data of {@code confbridge_joined} / {@code confbridge_left}: who, and how many are in the room now.
 * {@code conference_id} and {@code participant_id} are what the room's creator and the joiner named
 * (conference-manager's conference and conferencecall), null when they named none; {@code reason} on
 * {@code confbridge_left}: {@code hangup} or {@code kick}.
 */
public record ConfbridgeMember(UUID confbridgeId, UUID conferenceId, UUID participantId, UUID customerId, UUID callId,
        int participantCount, String reason) {
}
