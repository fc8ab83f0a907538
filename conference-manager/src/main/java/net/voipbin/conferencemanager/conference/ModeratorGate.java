package net.voipbin.conferencemanager.conference;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import net.voipbin.contract.callmanager.ConfbridgeClient;
import net.voipbin.contract.conferencemanager.Conferencecall;
import net.voipbin.rpc.error.ApiException;

/**
 * Moderators, after each participant change committed. In a {@code moderator_gated} conference, participants
 * who join while no moderator is in wait in the confbridge's holding bridge (music on hold, and they do not hear
 * each other, as ConfBridge's "waitmarked" users); when a moderator enters they are admitted into the mix, and
 * when the last moderator leaves those left go back to waiting. With {@code end_when_moderators_leave} the last
 * moderator leaving stops the conference instead. Waiting participants are in the conference all the same
 * (joined, counted).
 */
@Component
class ModeratorGate {

    private static final Logger log = LoggerFactory.getLogger(ModeratorGate.class);

    private final ConferencecallRepository participants;
    private final ConfbridgeClient confbridges;
    private final ConferenceLifecycle lifecycle;

    ModeratorGate(ConferencecallRepository participants, ConfbridgeClient confbridges, ConferenceLifecycle lifecycle) {
        this.participants = participants;
        this.confbridges = confbridges;
        this.lifecycle = lifecycle;
    }

    /**
     * A moderator in admits whoever waits. So does anyone entering while a moderator is in: one who was sent to
     * wait just before the moderator arrived would otherwise wait alone until the next moderator.
     */
    void entered(ConferenceRow conference, ConferencecallRow participant) {
        if (!conference.moderatorGated() || !conference.progressing()) {
            return;
        }
        if (inBridge(conference).stream().anyMatch(ModeratorGate::moderatorIn)) {
            move(conference, true);
        }
    }

    void left(ConferenceRow conference, ConferencecallRow participant) {
        if (!moderator(participant) || !conference.progressing()) {
            return;
        }
        List<ConferencecallRow> rest = inBridge(conference);
        if (rest.stream().anyMatch(ModeratorGate::moderatorIn)) {
            return;
        }
        if (conference.endWhenModeratorsLeave()) {
            log.info("conference {}: its last moderator left, stopping it", conference.id());
            lifecycle.stop(conference.id(), "stop");
        } else if (conference.moderatorGated() && !rest.isEmpty()) {
            move(conference, false);
        }
    }

    /** A moderator who is in the bridge now. */
    static boolean moderatorIn(ConferencecallRow p) {
        return moderator(p) && p.inBridge() && ConferencecallRow.JOINED.equals(p.status());
    }

    private List<ConferencecallRow> inBridge(ConferenceRow conference) {
        return participants.live(conference.id()).stream()
                .filter(p -> p.inBridge() && ConferencecallRow.JOINED.equals(p.status())).toList();
    }

    private void move(ConferenceRow conference, boolean admit) {
        try {
            if (admit) {
                confbridges.admit(conference.confbridgeId());
            } else {
                confbridges.sendToWaiting(conference.confbridgeId());
                log.info("conference {}: no moderator left, the participants wait again", conference.id());
            }
        } catch (ApiException e) {
            log.info("conference {}: {} refused ({} {})", conference.id(), admit ? "admit" : "back to waiting",
                    e.status(), e.getMessage());
        }
    }

    private static boolean moderator(ConferencecallRow p) {
        return p.roleEnum() == Conferencecall.Role.MODERATOR;
    }
}
