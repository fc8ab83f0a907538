package net.voipbin.contract.conferencemanager;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A conference: a mixing room on one of call-manager's confbridges. {@code conference} stays up while anyone
 * is in it, {@code connect} is a two-party room that ends when one side leaves. {@code timeout} (seconds,
 * 0 = none) counts from {@code tm_create}. {@code max_participants} 0 = no limit. {@code participant_count}
 * is the number of participants in the bridge now. {@code entry_exit_beep}: the others hear a beep when a
 * participant enters or leaves; {@code only_person_prompt}: one who enters an empty conference hears "you are
 * currently the only person in this conference". {@code moderator_gated}: participants hear music on hold
 * until a moderator is in; {@code end_when_moderators_leave}: the conference is stopped when its last
 * moderator leaves. {@code conference_*} events.
 */
public record Conference(
        UUID id,
        UUID customerId,
        Type type,
        String name,
        String detail,
        Status status,
        int timeout,
        UUID preFlowId,
        UUID postFlowId,
        int maxParticipants,
        int participantCount,
        boolean entryExitBeep,
        boolean onlyPersonPrompt,
        boolean moderatorGated,
        boolean endWhenModeratorsLeave,
        UUID recordingId,
        List<UUID> recordingIds,
        UUID confbridgeId,
        Instant tmCreate,
        Instant tmUpdate,
        Instant tmEnd) {

    public enum Type { CONFERENCE, CONNECT }

    public enum Status { PROGRESSING, TERMINATING, TERMINATED }

    public Conference {
        recordingIds = recordingIds == null ? List.of() : List.copyOf(recordingIds);
    }
}
