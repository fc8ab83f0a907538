package net.voipbin.contract.callmanager;

import java.util.UUID;

/**
 * Data of {@code confbridge_record_started}: the mixed audio of the room is being recorded. {@code recording_id}
 * is the id the caller chose, also the ARI live recording's name; {@code conference_id} as on the room.
 */
public record ConfbridgeRecording(UUID confbridgeId, UUID conferenceId, UUID customerId, UUID recordingId,
        String format) {
}
