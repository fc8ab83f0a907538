package net.voipbin.callmanager.call;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import net.voipbin.callmanager.config.CallManagerProperties;
import net.voipbin.contract.callmanager.Call.HangupReason;

/**
 * The safety net under the in-memory timers: every {@code sweep-period}, outbound calls still unanswered
 * past their stored {@code dial_deadline} (a timer lost in a restart, say) are hung up with
 * {@code dialout}, and digit collections past their deadline end with {@code timeout}.
 */
@Component
public class TimeoutSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TimeoutSweeper.class);
    /** Leaves the precise per-call timer the first go. */
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final JdbcClient jdbc;
    private final CallService calls;
    private final ScheduledExecutorService timers;
    private final Duration period;
    private final Duration maxDuration;
    private final List<Runnable> others;
    private volatile ScheduledFuture<?> task;

    TimeoutSweeper(JdbcClient jdbc, CallService calls, ScheduledExecutorService callTimers,
            CallManagerProperties properties, List<SweepTask> others) {
        this.jdbc = jdbc;
        this.calls = calls;
        this.timers = callTimers;
        this.period = properties.sweepPeriod();
        this.maxDuration = properties.maxDuration();
        this.others = List.copyOf(others.stream().map(t -> (Runnable) t::sweep).toList());
    }

    /** Another feature's overdue work, swept on the same timer. */
    public interface SweepTask {
        void sweep();
    }

    void sweep() {
        try {
            List<UUID> overdue = jdbc.sql("SELECT id FROM calls WHERE status IN ('dialing', 'ringing') "
                            + "AND direction = 'outgoing' AND dial_deadline < now() - make_interval(secs => :grace)")
                    .param("grace", (double) GRACE.toSeconds()).query(UUID.class).list();
            for (UUID id : overdue) {
                log.info("call {} past its dial deadline, hanging up", id);
                calls.hangup(id, HangupReason.DIALOUT, "dial_timeout", "no_answer");
            }
        } catch (RuntimeException e) {
            log.warn("dial timeout sweep failed: {}", e.getMessage());
        }
        sweepOverlong();
        for (Runnable other : others) {
            try {
                other.run();
            } catch (RuntimeException e) {
                log.warn("timeout sweep failed: {}", e.getMessage());
            }
        }
    }

    /** A call past the longest a call may last is hung up, whatever its flow or bridge is doing. */
    private void sweepOverlong() {
        try {
            List<UUID> overlong = jdbc.sql("SELECT id FROM calls WHERE tm_hangup IS NULL "
                            + "AND status NOT IN ('terminating', 'canceling') "
                            + "AND tm_create < now() - make_interval(secs => :max)")
                    .param("max", (double) maxDuration.toSeconds()).query(UUID.class).list();
            for (UUID id : overlong) {
                log.info("call {} lasted longer than {}, hanging up", id, maxDuration);
                calls.hangup(id, HangupReason.TIMEOUT, "max_duration");
            }
        } catch (RuntimeException e) {
            log.warn("call duration sweep failed: {}", e.getMessage());
        }
    }

    @Override
    public void start() {
        task = timers.scheduleWithFixedDelay(this::sweep, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (task != null) {
            task.cancel(false);
        }
        task = null;
    }

    @Override
    public boolean isRunning() {
        return task != null;
    }
}
