package net.voipbin.conferencemanager.conference;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import net.voipbin.contract.callmanager.CallManagerClient;
import net.voipbin.contract.callmanager.CallRequests;
import net.voipbin.rpc.error.ApiException;

/**
 * What participants hear of each other, as the conference's options say: a beep to the others when someone
 * enters or leaves, and "you are currently the only person in this conference" to one who enters an empty
 * room. Played to each call (Asterisk's {@code beep} and {@code conf-onlyperson} prompts), after the change
 * committed; a call that cannot play (gone meanwhile) is skipped.
 */
@Component
class ConferencePrompts {

    static final String BEEP = "sound:beep";
    static final String ONLY_PERSON = "sound:conf-onlyperson";
    private static final Logger log = LoggerFactory.getLogger(ConferencePrompts.class);

    private final CallManagerClient calls;
    private final ConferencecallRepository participants;

    ConferencePrompts(CallManagerClient calls, ConferencecallRepository participants) {
        this.calls = calls;
        this.participants = participants;
    }

    void entered(ConferenceRow conference, ConferencecallRow participant) {
        List<ConferencecallRow> others = othersInBridge(conference, participant);
        if (conference.onlyPersonPrompt() && others.isEmpty()) {
            play(participant, ONLY_PERSON);
        }
        if (conference.entryExitBeep()) {
            others.forEach(other -> play(other, BEEP));
        }
    }

    void left(ConferenceRow conference, ConferencecallRow participant) {
        if (conference.entryExitBeep() && conference.progressing()) {
            othersInBridge(conference, participant).forEach(other -> play(other, BEEP));
        }
    }

    private List<ConferencecallRow> othersInBridge(ConferenceRow conference, ConferencecallRow participant) {
        return participants.live(conference.id()).stream()
                .filter(p -> p.inBridge() && ConferencecallRow.JOINED.equals(p.status()) && !p.id().equals(participant.id()))
                .toList();
    }

    private void play(ConferencecallRow participant, String media) {
        try {
            calls.play(participant.callId(), new CallRequests.Play(List.of(media), null, null));
        } catch (ApiException e) {
            log.debug("conferencecall {}: {} not played ({})", participant.id(), media, e.getMessage());
        }
    }
}
