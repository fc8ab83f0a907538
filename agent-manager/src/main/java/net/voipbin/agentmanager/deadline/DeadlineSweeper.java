package net.voipbin.agentmanager.deadline;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.agentmanager.agent.AgentStatusService;
import net.voipbin.agentmanager.agent.DeadlineSet;
import net.voipbin.agentmanager.config.AgentManagerProperties;

/**
 * Ends what is timed in an agent's state: a ringing agent nobody reported on missed the offer, a wrap-up is
 * over (available). The deadline is the agent row's {@code status_until}, so it survives a restart and any
 * instance may end it. Every instance sweeps every {@code deadline-sweep}; the instance that set a deadline
 * also wakes itself at that moment, so wrap-up ends on time without a fast sweep. One thread: sweeps never
 * overlap within an instance, and {@code SKIP LOCKED} keeps instances apart.
 */
@Component
class DeadlineSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSweeper.class);
    /** Agents ended per sweep at most, so one sweep cannot hold the thread forever. */
    private static final int MAX_PER_SWEEP = 1000;

    private final DueAgents due;
    private final AgentStatusService statuses;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AgentManagerProperties properties;
    private volatile ScheduledExecutorService scheduler;

    DeadlineSweeper(DueAgents due, AgentStatusService statuses, TransactionTemplate tx, Clock clock,
            AgentManagerProperties properties) {
        this.due = due;
        this.statuses = statuses;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
    }

    /** A deadline this instance committed: sweep just after it passes. */
    @TransactionalEventListener
    void deadlineSet(DeadlineSet deadline) {
        ScheduledExecutorService current = scheduler;
        if (current != null) {
            long delay = Math.max(0, Duration.between(clock.instant(), deadline.at()).toMillis()) + 5;
            current.schedule(this::sweep, delay, TimeUnit.MILLISECONDS);
        }
    }

    void sweep() {
        try {
            for (int i = 0; i < MAX_PER_SWEEP && endOne(); i++) {
                // each iteration is a transaction of its own
            }
        } catch (RuntimeException e) {
            log.warn("deadline sweep failed, next sweep retries: {}", e.getMessage(), e);
        }
    }

    /** Claims one due agent and ends its timed status in the same transaction; false when none is due. */
    private boolean endOne() {
        return Boolean.TRUE.equals(tx.execute(status -> {
            Optional<UUID> agent = due.lockNext(clock.instant());
            agent.ifPresent(id -> statuses.deadlinePassed(id, properties.awayAfterMisses()));
            return agent.isPresent();
        }));
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("agent-deadlines").daemon()
                .factory());
        long every = properties.deadlineSweep().toMillis();
        scheduler.scheduleWithFixedDelay(this::sweep, 0, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService current = scheduler;
        scheduler = null;
        if (current != null) {
            current.shutdownNow();
            try {
                current.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
