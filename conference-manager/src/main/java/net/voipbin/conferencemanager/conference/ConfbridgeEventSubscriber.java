package net.voipbin.conferencemanager.conference;

import org.springframework.stereotype.Component;

import net.voipbin.contract.callmanager.CallManagerClient;
import net.voipbin.contract.callmanager.CallManagerEvents;
import net.voipbin.contract.callmanager.ConfbridgeMember;
import net.voipbin.contract.callmanager.Recording;
import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.event.EventSubscriber;
import net.voipbin.rpc.event.EventSubscriptions;

/**
 * call-manager's account of the bridges: who entered, who left, which room is gone, which call hung up,
 * which recording of a room ended. Confbridges and recordings not made for a conference (no
 * {@code conference_id}) are someone else's and ignored.
 */
@Component
class ConfbridgeEventSubscriber implements EventSubscriber {

    private final ParticipantEvents participants;
    private final ConferenceRecordings recordings;

    ConfbridgeEventSubscriber(ParticipantEvents participants, ConferenceRecordings recordings) {
        this.participants = participants;
        this.recordings = recordings;
    }

    @Override
    public void subscriptions(EventSubscriptions s) {
        s.on(CallManagerClient.SERVICE, CallManagerEvents.CONFBRIDGE_JOINED, ConfbridgeMember.class, m -> {
            if (m.conferenceId() != null) {
                participants.joined(m.participantId(), m.conferenceId(), m.callId());
            }
        }).on(CallManagerClient.SERVICE, CallManagerEvents.CONFBRIDGE_LEFT, ConfbridgeMember.class, m -> {
            if (m.conferenceId() != null) {
                participants.left(m.participantId(), m.conferenceId(), m.callId(), m.reason());
            }
        }).onEvent(CallManagerClient.SERVICE, CallManagerEvents.CONFBRIDGE_DELETED, (Event e) ->
                e.uuid("conference_id").ifPresent(participants::bridgeDeleted))
                .onEvent(CallManagerClient.SERVICE, CallManagerEvents.CALL_HUNGUP, (Event e) ->
                        e.uuid("id").ifPresent(participants::callHungup))
                .on(CallManagerClient.SERVICE, CallManagerEvents.RECORDING_FINISHED, Recording.class, r -> {
                    if (r.conferenceId() != null && r.id() != null) {
                        recordings.finished(r.conferenceId(), r.id());
                    }
                });
    }
}
