package net.voipbin.conferencemanager.conference;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires due conference timeouts. Claiming a deadline (deleting its row) and stopping its conference are one
 * transaction: a crash in between leaves the row, so the next sweep (of this or another instance, after a
 * restart) fires it; two instances never take the same row. The kicks follow the commit.
 */
@Component
class TimeoutSweeper {

    private static final Logger log = LoggerFactory.getLogger(TimeoutSweeper.class);
    private static final int BATCH = 50;

    private final ConferenceTimeouts timeouts;
    private final ConferenceLifecycle lifecycle;
    private final TransactionTemplate tx;
    private final Clock clock;

    TimeoutSweeper(ConferenceTimeouts timeouts, ConferenceLifecycle lifecycle, TransactionTemplate tx, Clock clock) {
        this.timeouts = timeouts;
        this.lifecycle = lifecycle;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${voipbin.conference.timeout-sweep:500ms}")
    void sweep() {
        try {
            Map<UUID, List<ConferencecallRow>> fired = tx.execute(s -> {
                Map<UUID, List<ConferencecallRow>> stopped = new java.util.LinkedHashMap<>();
                for (UUID id : timeouts.claimDue(clock.instant(), BATCH)) {
                    log.info("conference {} reached its timeout", id);
                    stopped.put(id, lifecycle.stopLocked(id, "timeout"));
                }
                return stopped;
            });
            fired.forEach((id, toKick) -> {
                lifecycle.kick(toKick);
                lifecycle.settle(id);
            });
        } catch (RuntimeException e) {
            log.warn("timeout sweep failed, trying again: {}", e.getMessage());
        }
    }
}
