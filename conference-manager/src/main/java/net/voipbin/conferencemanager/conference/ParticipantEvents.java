package net.voipbin.conferencemanager.conference;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.contract.conferencemanager.Conference;
import net.voipbin.contract.conferencemanager.ConferenceManagerEvents;

/**
 * What really happened to participants, from call-manager's events: in the bridge, out of it, hung up.
 * Every transition locks the conference first and moves only a participant that is not left yet, so a kick
 * racing a hangup, or the same event twice, changes the count once. Each handler is idempotent.
 */
@Component
class ParticipantEvents {

    private static final Logger log = LoggerFactory.getLogger(ParticipantEvents.class);

    private final ConferenceRepository conferences;
    private final ConferencecallRepository participants;
    private final ConferenceLifecycle lifecycle;
    private final Announcements announce;
    private final Bridges bridges;
    private final ConferencePrompts prompts;
    private final ModeratorGate moderators;
    private final TransactionTemplate tx;
    private final Clock clock;

    ParticipantEvents(ConferenceRepository conferences, ConferencecallRepository participants,
            ConferenceLifecycle lifecycle, Announcements announce, Bridges bridges, ConferencePrompts prompts,
            ModeratorGate moderators, TransactionTemplate tx, Clock clock) {
        this.prompts = prompts;
        this.moderators = moderators;
        this.conferences = conferences;
        this.participants = participants;
        this.lifecycle = lifecycle;
        this.announce = announce;
        this.bridges = bridges;
        this.tx = tx;
        this.clock = clock;
    }

    /** The call is in the bridge. One asked to leave meanwhile (kick, stop) is kicked now that it can be. */
    void joined(UUID participantId, UUID conferenceId, UUID callId) {
        ConferencecallRow joined = tx.execute(s -> locked(participantId, conferenceId, callId)
                .filter(p -> p.tmJoin() == null)
                .map(p -> {
                    ConferencecallRow row = participants.save(p.joined(clock.instant()));
                    announce.member(ConferenceManagerEvents.CONFERENCECALL_JOINED, row, null, null);
                    log.info("conferencecall {} joined conference {}", row.id(), row.conferenceId());
                    return row;
                }).orElse(null));
        if (joined == null) {
            return;
        }
        ConferenceRow conference = conferences.findById(joined.conferenceId()).orElseThrow();
        if (ConferencecallRow.LEAVING.equals(joined.status())) {
            bridges.kick(conference.confbridgeId(), joined.callId());
        } else {
            prompts.entered(conference, joined);
            moderators.entered(conference, joined);
        }
    }

    /**
     * The participant is out ({@code bridgeReason} hangup or kick, from call-manager). The reason told is
     * hangup when the call ended, else what was asked (kick, stop, timeout). The conference's post flow
     * goes with a stop or timeout; a connect room that loses a side is stopped; a terminating conference
     * left empty is terminated.
     */
    void left(UUID participantId, UUID conferenceId, UUID callId, String bridgeReason) {
        Left settled = tx.execute(s -> locked(participantId, conferenceId, callId).map(p -> {
            String reason = "hangup".equals(bridgeReason) ? "hangup" : p.leaveReason() == null ? "kick" : p.leaveReason();
            return leave(p, reason);
        }).orElse(null));
        afterLeave(settled);
    }

    /** call-manager refused to bridge the call: the participant never got in. */
    void failed(UUID participantId) {
        afterLeave(tx.execute(s -> locked(participantId, null, null).map(p -> leave(p, "failed")).orElse(null)));
    }

    /** The call hung up: wherever it was (joining included: it may never reach the bridge), it has left. */
    void callHungup(UUID callId) {
        for (ConferencecallRow p : participants.liveOfCall(callId)) {
            left(p.id(), p.conferenceId(), callId, "hangup");
        }
    }

    /** The conference's bridge is gone: nobody is in it any more. */
    void bridgeDeleted(UUID conferenceId) {
        for (ConferencecallRow p : participants.live(conferenceId)) {
            left(p.id(), conferenceId, p.callId(), "kick");
        }
    }

    private record Left(UUID conferenceId, ConferencecallRow participant, List<ConferencecallRow> toKick) {
    }

    private Left leave(ConferencecallRow p, String reason) {
        ConferenceRow conference = conferences.findById(p.conferenceId()).orElseThrow();
        ConferencecallRow row = participants.save(p.left(reason, clock.instant()));
        boolean byEnd = "stop".equals(reason) || "timeout".equals(reason);
        announce.member(ConferenceManagerEvents.CONFERENCECALL_LEFT, row, reason, byEnd ? conference.postFlowId() : null);
        log.info("conferencecall {} left conference {} ({})", row.id(), row.conferenceId(), reason);
        boolean connectBroken = conference.typeEnum() == Conference.Type.CONNECT && conference.progressing()
                && row.tmJoin() != null;
        return new Left(conference.id(), row,
                connectBroken ? lifecycle.stopLocked(conference.id(), "stop") : List.of());
    }

    /** After the leave committed: kick whoever a broken connect room still holds, and end what is over. */
    private void afterLeave(Left left) {
        if (left == null) {
            return;
        }
        lifecycle.kick(left.toKick());
        if (left.participant().tmJoin() != null) {
            conferences.findById(left.conferenceId()).ifPresent(c -> {
                prompts.left(c, left.participant());
                moderators.left(c, left.participant());
            });
        }
        lifecycle.settle(left.conferenceId());
    }

    /** The live participant under its conference's lock, found by its id or else by conference and call. */
    private Optional<ConferencecallRow> locked(UUID participantId, UUID conferenceId, UUID callId) {
        Optional<ConferencecallRow> found = participantId != null ? participants.findById(participantId)
                : conferenceId != null && callId != null ? participants.liveOf(conferenceId, callId) : Optional.empty();
        return found.flatMap(p -> {
            conferences.lock(p.conferenceId());
            return participants.findById(p.id());
        }).filter(ConferencecallRow::live);
    }
}
