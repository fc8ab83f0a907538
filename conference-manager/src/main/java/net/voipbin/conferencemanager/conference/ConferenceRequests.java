package net.voipbin.conferencemanager.conference;

import java.util.UUID;

import net.voipbin.contract.conferencemanager.Conference;

/** REST bodies of {@code /v1.0/conferences}. */
final class ConferenceRequests {

    private ConferenceRequests() {
    }

    /**
     * {@code type} conference (default) or connect; {@code timeout} seconds, 0 (default) = none;
     * {@code max_participants} 0 (default) = no limit (connect: 2); {@code entry_exit_beep} and
     * {@code only_person_prompt}, {@code moderator_gated}, {@code end_when_moderators_leave} default false.
     */
    record Create(Conference.Type type, String name, String detail, Integer timeout, UUID preFlowId, UUID postFlowId,
            Integer maxParticipants, Boolean entryExitBeep, Boolean onlyPersonPrompt, Boolean moderatorGated,
            Boolean endWhenModeratorsLeave) {
    }

    /** Absent fields stay as they are; a new {@code timeout} replaces the deadline (counted from tm_create). */
    record Update(String name, String detail, Integer timeout, UUID preFlowId, UUID postFlowId,
            Integer maxParticipants, Boolean entryExitBeep, Boolean onlyPersonPrompt, Boolean moderatorGated,
            Boolean endWhenModeratorsLeave) {
    }
}
