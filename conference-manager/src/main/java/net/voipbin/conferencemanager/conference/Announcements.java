package net.voipbin.conferencemanager.conference;

import java.util.UUID;

import org.springframework.stereotype.Component;

import net.voipbin.contract.conferencemanager.Conference;
import net.voipbin.contract.conferencemanager.ConferencecallMember;
import net.voipbin.rpc.event.EventPublisher;

/**
 * The records conference-manager shows and the events it publishes. Called inside the transaction that made
 * the change (the outbox sends the event exactly when the change commits), under the conference's lock, so
 * the participant count in each event is the count right after that change.
 */
@Component
class Announcements {

    private final EventPublisher events;
    private final ConferencecallRepository participants;
    private final RecordingIds recordings;

    Announcements(EventPublisher events, ConferencecallRepository participants, RecordingIds recordings) {
        this.events = events;
        this.participants = participants;
        this.recordings = recordings;
    }

    Conference view(ConferenceRow row) {
        return row.toConference(participants.countInBridge(row.id()), recordings.of(row.id()));
    }

    Conference conference(String type, ConferenceRow row) {
        Conference conference = view(row);
        events.publish(type, conference);
        return conference;
    }

    void member(String type, ConferencecallRow participant, String reason, UUID postFlowId) {
        events.publish(type, new ConferencecallMember(participant.id(), participant.id(), participant.customerId(),
                participant.conferenceId(), participant.callId(), participant.activeflowId(), participant.roleEnum(),
                participants.countInBridge(participant.conferenceId()), reason, postFlowId));
    }
}
