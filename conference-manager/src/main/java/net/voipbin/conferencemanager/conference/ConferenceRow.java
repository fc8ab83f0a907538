package net.voipbin.conferencemanager.conference;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import net.voipbin.contract.conferencemanager.Conference;

/** A row of {@code conferences}. Enums are stored lower case, as on the wire. A null version means new. */
@Table("conferences")
record ConferenceRow(
        @Id UUID id,
        UUID customerId,
        String type,
        String name,
        String detail,
        String status,
        int timeout,
        UUID preFlowId,
        UUID postFlowId,
        int maxParticipants,
        UUID recordingId,
        UUID confbridgeId,
        boolean entryExitBeep,
        boolean onlyPersonPrompt,
        boolean moderatorGated,
        boolean endWhenModeratorsLeave,
        @Version Long version,
        Instant tmCreate,
        Instant tmUpdate,
        Instant tmEnd,
        Instant tmDelete) {

    static final String PROGRESSING = "progressing";
    static final String TERMINATING = "terminating";
    static final String TERMINATED = "terminated";

    Conference.Type typeEnum() {
        return Conference.Type.valueOf(type.toUpperCase(Locale.ROOT));
    }

    boolean progressing() {
        return PROGRESSING.equals(status);
    }

    ConferenceRow withStatus(String newStatus, Instant now) {
        return new ConferenceRow(id, customerId, type, name, detail, newStatus, timeout, preFlowId, postFlowId,
                maxParticipants, recordingId, confbridgeId, entryExitBeep, onlyPersonPrompt, moderatorGated,
                endWhenModeratorsLeave, version, tmCreate, now,
                TERMINATED.equals(newStatus) ? now : tmEnd, tmDelete);
    }

    ConferenceRow deleted(Instant now) {
        return new ConferenceRow(id, customerId, type, name, detail, status, timeout, preFlowId, postFlowId,
                maxParticipants, recordingId, confbridgeId, entryExitBeep, onlyPersonPrompt, moderatorGated,
                endWhenModeratorsLeave, version, tmCreate, now, tmEnd,
                now);
    }

    ConferenceRow recording(UUID newRecordingId, Instant now) {
        return new ConferenceRow(id, customerId, type, name, detail, status, timeout, preFlowId, postFlowId,
                maxParticipants, newRecordingId, confbridgeId, entryExitBeep, onlyPersonPrompt, moderatorGated,
                endWhenModeratorsLeave, version, tmCreate, now,
                tmEnd, tmDelete);
    }

    Conference toConference(int participantCount, List<UUID> recordingIds) {
        return new Conference(id, customerId, typeEnum(), name, detail,
                Conference.Status.valueOf(status.toUpperCase(Locale.ROOT)), timeout, preFlowId, postFlowId,
                maxParticipants, participantCount, entryExitBeep, onlyPersonPrompt, moderatorGated,
                endWhenModeratorsLeave, recordingId, recordingIds, confbridgeId, tmCreate, tmUpdate, tmEnd);
    }
}
