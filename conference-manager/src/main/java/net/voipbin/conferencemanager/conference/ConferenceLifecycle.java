package net.voipbin.conferencemanager.conference;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.contract.conferencemanager.ConferenceManagerEvents;

/**
 * How a conference ends, always: stop (REST, delete, timeout, a connect room losing a side) makes it
 * terminating and asks every participant to leave; when the last has left, or at once when it is empty, the
 * bridge is destroyed and the conference is terminated with {@code tm_end}. Nothing waits on a timer here:
 * each participant's {@code confbridge_left} or {@code call_hungup} calls {@link #settle}.
 */
@Component
class ConferenceLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConferenceLifecycle.class);

    private final ConferenceRepository conferences;
    private final ConferencecallRepository participants;
    private final ConferenceTimeouts timeouts;
    private final Announcements announce;
    private final Bridges bridges;
    private final TransactionTemplate tx;
    private final Clock clock;

    ConferenceLifecycle(ConferenceRepository conferences, ConferencecallRepository participants,
            ConferenceTimeouts timeouts, Announcements announce, Bridges bridges, TransactionTemplate tx, Clock clock) {
        this.conferences = conferences;
        this.participants = participants;
        this.timeouts = timeouts;
        this.announce = announce;
        this.bridges = bridges;
        this.tx = tx;
        this.clock = clock;
    }

    /** Stops the conference ({@code reason} stop or timeout), then kicks whoever is in the bridge. */
    void stop(UUID conferenceId, String reason) {
        List<ConferencecallRow> toKick = tx.execute(s -> stopLocked(conferenceId, reason));
        kick(toKick);
        settle(conferenceId);
    }

    /**
     * The database part of a stop, inside the caller's transaction (the timeout sweeper's claims its deadline
     * in the same one); answers the participants to kick once it has committed.
     */
    List<ConferencecallRow> stopLocked(UUID conferenceId, String reason) {
        ConferenceRow row = conferences.lock(conferenceId).orElse(null);
        if (row == null || !row.progressing()) {
            return List.of();
        }
        ConferenceRow stopping = conferences.save(row.withStatus(ConferenceRow.TERMINATING, clock.instant()));
        timeouts.clear(conferenceId);
        List<ConferencecallRow> toKick = participants.live(conferenceId).stream()
                .filter(p -> !ConferencecallRow.LEAVING.equals(p.status()))
                .map(p -> participants.save(p.leaving(reason, clock.instant())))
                .filter(p -> p.tmJoin() != null).toList();
        announce.conference(ConferenceManagerEvents.CONFERENCE_UPDATED, stopping);
        log.info("conference {} terminating ({}): {} participant(s) to kick", conferenceId, reason, toKick.size());
        return toKick;
    }

    void kick(List<ConferencecallRow> toKick) {
        for (ConferencecallRow p : toKick) {
            conferences.findById(p.conferenceId()).map(ConferenceRow::confbridgeId)
                    .ifPresent(bridge -> bridges.kick(bridge, p.callId()));
        }
    }

    /** A terminating conference nobody is in any more is terminated, and its bridge destroyed. */
    void settle(UUID conferenceId) {
        Optional<UUID> bridge = tx.execute(s -> {
            ConferenceRow row = conferences.lock(conferenceId).orElse(null);
            if (row == null || !ConferenceRow.TERMINATING.equals(row.status())
                    || !participants.live(conferenceId).isEmpty()) {
                return Optional.<UUID>empty();
            }
            ConferenceRow ended = conferences.save(row.withStatus(ConferenceRow.TERMINATED, clock.instant()));
            timeouts.clear(conferenceId);
            announce.conference(ConferenceManagerEvents.CONFERENCE_UPDATED, ended);
            log.info("conference {} terminated", conferenceId);
            return Optional.ofNullable(ended.confbridgeId());
        });
        bridge.ifPresent(bridges::delete);
    }
}
