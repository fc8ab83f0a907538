package net.voipbin.conferencemanager.conference;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import net.voipbin.contract.callmanager.ConfbridgeClient;
import net.voipbin.contract.conferencemanager.Conferencecall;
import net.voipbin.rpc.error.ApiException;

/**
 * Moderators, after each participant change committed. A {@code moderator_gated} conference plays music on
 * hold into its bridge while participants are in it without a moderator, and stops it when one enters; with
 * {@code end_when_moderators_leave}, the last moderator leaving stops the conference.
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

    void entered(ConferenceRow conference, ConferencecallRow participant) {
        if (!conference.moderatorGated()) {
            return;
        }
        long moderators = inBridge(conference).stream().filter(ModeratorGate::moderator).count();
        if (moderator(participant) && moderators == 1) {
            music(conference, false);
        } else if (moderators == 0) {
            music(conference, true);
        }
    }

    void left(ConferenceRow conference, ConferencecallRow participant) {
        if (!moderator(participant) || !conference.progressing()) {
            return;
        }
        List<ConferencecallRow> rest = inBridge(conference);
        if (rest.stream().anyMatch(ModeratorGate::moderator)) {
            return;
        }
        if (conference.endWhenModeratorsLeave()) {
            log.info("conference {}: its last moderator left, stopping it", conference.id());
            lifecycle.stop(conference.id(), "stop");
        } else if (conference.moderatorGated() && !rest.isEmpty()) {
            music(conference, true);
        }
    }

    private List<ConferencecallRow> inBridge(ConferenceRow conference) {
        return participants.live(conference.id()).stream()
                .filter(p -> p.inBridge() && ConferencecallRow.JOINED.equals(p.status())).toList();
    }

    private void music(ConferenceRow conference, boolean on) {
        try {
            confbridges.music(conference.confbridgeId(), on);
        } catch (ApiException e) {
            log.info("conference {}: music on hold {} refused ({} {})", conference.id(), on ? "on" : "off", e.status(),
                    e.getMessage());
        }
    }

    private static boolean moderator(ConferencecallRow p) {
        return p.roleEnum() == Conferencecall.Role.MODERATOR;
    }
}
