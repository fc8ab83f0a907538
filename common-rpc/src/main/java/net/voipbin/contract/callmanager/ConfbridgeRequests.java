package net.voipbin.contract.callmanager;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Bodies of call-manager's confbridge routes. */
public final class ConfbridgeRequests {

    private ConfbridgeRequests() {
    }

    /**
     * {@code POST /v1/confbridges}. {@code conference_id}: the conference-manager conference the room serves,
     * carried on its {@code confbridge_*} events (null for other users, e.g. a queue).
     */
    public record Create(@NotNull UUID customerId, Confbridge.Type type, UUID conferenceId) {

        public Create(UUID customerId, Confbridge.Type type) {
            this(customerId, type, null);
        }
    }

    /**
     * {@code POST /v1/confbridges/<id>/record_start}: {@code recording_id} names the recording (the ARI live
     * recording's name); {@code format} wav (default), or another format Asterisk writes.
     */
    public record RecordStart(@NotNull UUID recordingId, @Pattern(regexp = "[a-z0-9]{1,10}") String format) {
    }

    /** {@code POST /v1/confbridges/<id>/record_stop}. */
    public record RecordStop(@NotNull UUID recordingId) {
    }

    /**
     * {@code POST /v1/confbridges/<id>/join} and {@code /kick}. {@code participant_id}: the caller's own id of
     * this membership (conference-manager's conferencecall), carried on the member's events. {@code waiting}
     * (join): the member waits in the room's holding bridge (music on hold, hearing nobody) until admitted.
     */
    public record Member(@NotNull UUID callId, UUID participantId, Boolean waiting) {

        public Member(UUID callId, UUID participantId) {
            this(callId, participantId, null);
        }

        public Member(UUID callId) {
            this(callId, null, null);
        }
    }
}
