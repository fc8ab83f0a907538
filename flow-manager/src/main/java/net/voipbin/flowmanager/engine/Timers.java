package net.voipbin.flowmanager.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * In-memory alarms for waits of kind TIMER. The wait itself is persisted with its deadline, so after a
 * restart {@link ActionEngine#recover} arms the alarm again; one that is past due fires at once.
 */
final class Timers implements AutoCloseable {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("flow-timers").daemon().factory());
    private final Clock clock;

    Timers(Clock clock) {
        this.clock = clock;
    }

    /** Runs {@code alarm} at {@code until}; the alarm must hand real work to another thread. */
    void at(Instant until, Runnable alarm) {
        long delay = Math.max(0, Duration.between(clock.instant(), until).toMillis());
        scheduler.schedule(alarm, delay, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
