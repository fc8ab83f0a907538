package net.voipbin.flowmanager.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Several flow-manager instances may run; one at a time, the leader, runs the activeflows: it holds
 * PostgreSQL's advisory lock named after its schema on a connection of its own, and only it consumes the RPC
 * requests and the events. The others stand by and try for the lock every {@code interval}. When the
 * leader dies its connection closes, PostgreSQL releases the lock at once, and the next instance takes
 * over within an interval: it loads the running activeflows from the database and picks them up where the
 * last written state left them (an action interrupted mid-command runs again), then starts consuming.
 * A leader that loses its connection stops consuming at its next check, before another can have waited
 * out the same interval.
 */
public final class Leadership implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Leadership.class);
    private static final String TRY_LOCK = "SELECT pg_try_advisory_lock(hashtext(?))";

    /** What becoming and ceasing to be the leader does. */
    public interface Duties {

        /** Loads the running activeflows and picks them up; consumers start after. */
        void takeOver();

        /** Forgets the activeflows in memory; consumers are stopped before. */
        void handOver();
    }

    private final DataSource dataSource;
    private final String lockName;
    private final Duties duties;
    private final Supplier<List<SmartLifecycle>> consumerLookup;
    private final Duration interval;
    private List<SmartLifecycle> consumers;
    private ScheduledExecutorService ticker;
    private Connection lock;
    private volatile boolean leader;
    private volatile boolean running;

    /**
     * @param dataSource gives the lock its own connection, outside the service's small pool
     * @param lockName   names the fleet: two fleets (tests, two schemas of one server) each have a leader
     * @param consumers  looked up when this starts: they serve the beans that ask who leads
     */
    public Leadership(DataSource dataSource, String lockName, Duties duties, Supplier<List<SmartLifecycle>> consumers,
            Duration interval) {
        this.dataSource = dataSource;
        this.lockName = lockName;
        this.duties = duties;
        this.consumerLookup = consumers;
        this.interval = interval;
    }

    public boolean isLeader() {
        return leader;
    }

    /** One round: a stand-by tries for the lock, the leader checks that it still holds it. */
    synchronized void tick() {
        if (!running) {
            return;
        }
        if (leader) {
            checkStillHeld();
        } else {
            tryToLead();
        }
    }

    private void tryToLead() {
        try {
            if (lock == null) {
                lock = dataSource.getConnection();
                lock.setAutoCommit(true);
            }
            if (!acquired(lock, lockName)) {
                return;
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("could not try for the leader lock: {}", e.getMessage());
            closeLock();
            return;
        }
        log.info("this instance leads: loading the running activeflows and consuming");
        duties.takeOver();
        leader = true;
        consumers.forEach(SmartLifecycle::start);
    }

    private static boolean acquired(Connection connection, String lockName) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(TRY_LOCK)) {
            statement.setString(1, lockName);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private void checkStillHeld() {
        boolean held;
        try {
            held = lock.isValid((int) Math.max(1, interval.toSeconds()));
        } catch (SQLException e) {
            held = false;
        }
        if (!held) {
            log.warn("lost the leader lock's connection: standing by");
            resign();
        }
    }

    private void resign() {
        leader = false;
        consumers.forEach(SmartLifecycle::stop);
        duties.handOver();
        closeLock();
    }

    private void closeLock() {
        if (lock != null) {
            try {
                lock.close();
            } catch (SQLException e) {
                log.debug("closing the leader lock's connection: {}", e.getMessage());
            }
            lock = null;
        }
    }

    /** Tries once at once, so that a lone instance consumes as soon as it has started. */
    @Override
    public void start() {
        consumers = consumerLookup.get();
        running = true;
        tick();
        ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("flow-leadership").daemon().factory());
        ticker.scheduleWithFixedDelay(this::safeTick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.warn("leadership round failed: {}", e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        synchronized (this) {
            running = false;
            if (leader) {
                resign();
            } else {
                closeLock();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the publisher and the outbox, before nothing else: the consumers it starts are its own. */
    @Override
    public int getPhase() {
        return 0;
    }
}
