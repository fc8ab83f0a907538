package net.voipbin.queuemanager.queuecall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * In-memory wake-ups: the exact moment of a deadline this instance set, the next announcement, and dispatch
 * work handed off the caller's thread. Durable deadlines are also in the table and swept, so a lost timer
 * (restart) only delays, never strands.
 */
@Component
class Timers implements DisposableBean {

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4,
            Thread.ofPlatform().name("queue-timer-", 0).daemon().factory());
    private final Clock clock;

    Timers(Clock clock) {
        this.clock = clock;
    }

    void at(Instant when, Runnable task) {
        long delay = Math.max(0, Duration.between(clock.instant(), when).toMillis());
        scheduler.schedule(guarded(task), delay, TimeUnit.MILLISECONDS);
    }

    void now(Runnable task) {
        scheduler.execute(guarded(task));
    }

    void every(Duration period, Runnable task) {
        scheduler.scheduleWithFixedDelay(guarded(task), period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(Timers.class).warn("queue task failed: {}", e.toString(), e);
            }
        };
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
