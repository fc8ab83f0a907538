package net.voipbin.conferencemanager.conference;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a crash can leave half done, finished: kicks are sent after the stop's commit and the end after the
 * last leave's, so an instance killed in between leaves participants "leaving" nobody kicked, or a
 * "terminating" conference with nobody in it. Every few seconds such leftovers, quiet for
 * {@code voipbin.conference.recovery-after} (10 s), are kicked again (touching them, so once per period) or
 * settled.
 */
@Component
class LifecycleRecovery {

    private static final Logger log = LoggerFactory.getLogger(LifecycleRecovery.class);

    private final ConferenceRepository conferences;
    private final ConferencecallRepository participants;
    private final ConferenceLifecycle lifecycle;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration after;

    LifecycleRecovery(ConferenceRepository conferences, ConferencecallRepository participants,
            ConferenceLifecycle lifecycle, TransactionTemplate tx, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${voipbin.conference.recovery-after:10s}") Duration after) {
        this.conferences = conferences;
        this.participants = participants;
        this.lifecycle = lifecycle;
        this.tx = tx;
        this.clock = clock;
        this.after = after;
    }

    @Scheduled(fixedDelayString = "${voipbin.conference.recovery-interval:5s}")
    void recover() {
        try {
            Instant before = clock.instant().minus(after);
            for (ConferencecallRow stale : participants.staleLeaving(before)) {
                ConferencecallRow touched = tx.execute(s -> {
                    conferences.lock(stale.conferenceId());
                    return participants.findById(stale.id()).filter(p -> ConferencecallRow.LEAVING.equals(p.status()))
                            .map(p -> participants.save(p.leaving(p.leaveReason(), clock.instant()))).orElse(null);
                });
                if (touched != null) {
                    log.info("conferencecall {} still leaving ({}), kicked again", touched.id(), touched.leaveReason());
                    lifecycle.kick(java.util.List.of(touched));
                }
            }
            conferences.unsettled(before).forEach(lifecycle::settle);
        } catch (RuntimeException e) {
            log.warn("lifecycle recovery failed, trying again: {}", e.getMessage());
        }
    }
}
