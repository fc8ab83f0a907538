package net.voipbin.rpc.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.context.SmartLifecycle;

import net.voipbin.rpc.event.OrderedPublisher;
import net.voipbin.rpc.trace.Trace;

/**
 * Gets the outbox's events to the broker. The happy path costs no polling: right after the commit the
 * events are handed to the {@link OrderedPublisher} (in order, confirmed), and the rows of confirmed
 * events are deleted in batches a few times a second. The table is the recovery: rows still there after
 * {@code staleAfter} (their process died between the commit and the confirm, or the broker was away
 * for that long) are leased by the sweep of any instance and sent again, with the same event id.
 */
public final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final long FLUSH_MILLIS = 100;
    /** How long an event published outside a transaction may go unconfirmed before its row is written. */
    private static final long WRITE_BEHIND_MILLIS = 20;
    private static final int SWEEP_BATCH = 500;

    private final OutboxTable table;
    private final OrderedPublisher publisher;
    private final Duration staleAfter;
    private final Duration sweepInterval;
    private final boolean dropAfterCommit;
    /** Handed to the publisher by this instance and not yet confirmed: its own sweep leaves them alone. */
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<UUID> confirmed = new ConcurrentLinkedQueue<>();
    /** Handed over without a row: written if still unconfirmed {@value #WRITE_BEHIND_MILLIS} ms on. */
    private final ConcurrentHashMap<UUID, Unstored> unstored = new ConcurrentHashMap<>();

    private record Unstored(OutboxEntry entry, long handedOverNanos) {
    }
    private volatile ScheduledExecutorService scheduler;

    /**
     * @param dropAfterCommit a test hook: behave as a process killed between the commit and the publish
     *                        (nothing is handed over, nothing swept), so a test can find the event sent by
     *                        the next instance
     */
    public OutboxRelay(OutboxTable table, OrderedPublisher publisher, Duration staleAfter, Duration sweepInterval,
            boolean dropAfterCommit) {
        this.table = table;
        this.publisher = publisher;
        this.staleAfter = staleAfter;
        this.sweepInterval = sweepInterval;
        this.dropAfterCommit = dropAfterCommit;
    }

    /** Stores the events on the caller's connection, inside its transaction when it has one. */
    public void write(List<OutboxEntry> entries) {
        table.insert(entries);
    }

    /** Sends stored events, in order; each row goes once the broker has confirmed it. */
    public void handOver(List<OutboxEntry> entries) {
        if (dropAfterCommit) {
            return;
        }
        for (OutboxEntry entry : entries) {
            inFlight.add(entry.eventId());
            try {
                publisher.publish(entry.exchange(), entry.routingKey(), message(entry), () -> sent(entry.eventId()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                inFlight.remove(entry.eventId());
                // Stored: the sweep sends it.
                log.warn("interrupted while handing event {} over; the outbox sends it later", entry.routingKey());
                return;
            }
        }
    }

    /**
     * Sends an event that has no row yet (its change was committed on its own, outside a transaction):
     * at once, and its row is written only if the broker has not confirmed it within
     * {@value #WRITE_BEHIND_MILLIS} ms (a broker away or slow), so the happy path costs the database
     * nothing. A crash in those first milliseconds can lose it; inside a transaction nothing can.
     */
    public void handOverUnstored(OutboxEntry entry) {
        unstored.put(entry.eventId(), new Unstored(entry, System.nanoTime()));
        handOver(List.of(entry));
    }

    private void sent(UUID eventId) {
        inFlight.remove(eventId);
        if (unstored.remove(eventId) == null) {
            // It has a row (or its row is being written: the delete runs after, on the relay's thread).
            confirmed.add(eventId);
        }
    }

    /** Writes the rows of events handed over without one and still unconfirmed after the grace period. */
    void writeBehind() {
        long due = System.nanoTime() - WRITE_BEHIND_MILLIS * 1_000_000;
        List<OutboxEntry> late = new ArrayList<>();
        for (Unstored pending : unstored.values()) {
            if (pending.handedOverNanos() <= due && unstored.remove(pending.entry().eventId(), pending)) {
                late.add(pending.entry());
            }
        }
        if (late.isEmpty()) {
            return;
        }
        try {
            table.insert(late);
        } catch (RuntimeException e) {
            // Still in the publisher's memory; the next round tries to store them again.
            late.forEach(entry -> unstored.putIfAbsent(entry.eventId(), new Unstored(entry, 0)));
            throw e;
        }
    }

    private static Message message(OutboxEntry entry) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        properties.setMessageId(entry.eventId().toString());
        if (entry.traceId() != null) {
            properties.setHeader(Trace.HEADER, entry.traceId());
        }
        return new Message(entry.body(), properties);
    }

    /** Deletes the rows of confirmed events, up to a few thousand a statement. */
    void flushConfirmed() {
        List<UUID> batch = new ArrayList<>();
        UUID id;
        while ((id = confirmed.poll()) != null) {
            batch.add(id);
            if (batch.size() == 5_000) {
                table.delete(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            table.delete(batch);
        }
    }

    /** Sends again what nobody confirmed in time; returns how many. */
    int sweep() {
        List<OutboxEntry> stale = table.leaseStale(staleAfter, SWEEP_BATCH).stream()
                .filter(entry -> !inFlight.contains(entry.eventId())).toList();
        if (!stale.isEmpty()) {
            log.warn("outbox: sending {} events again that were stored more than {} s ago and never confirmed",
                    stale.size(), staleAfter.toSeconds());
            handOver(stale);
        }
        return stale.size();
    }

    private void safely(Runnable task, String what) {
        try {
            task.run();
        } catch (RuntimeException e) {
            // Rows stay; the next round tries again.
            log.warn("outbox: {} failed: {}", what, e.getMessage());
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("outbox-relay").daemon().factory());
        executor.scheduleWithFixedDelay(() -> safely(this::flushConfirmed, "deleting confirmed events"),
                FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(() -> safely(this::writeBehind, "storing unconfirmed events"),
                WRITE_BEHIND_MILLIS, WRITE_BEHIND_MILLIS, TimeUnit.MILLISECONDS);
        if (!dropAfterCommit && !sweepInterval.isZero()) {
            executor.scheduleWithFixedDelay(() -> safely(this::sweep, "sending stale events"),
                    0, sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
        scheduler = executor;
    }

    /** Runs after the publisher has stopped, so the confirms it drained are recorded before the exit. */
    @Override
    public void stop() {
        ScheduledExecutorService executor = scheduler;
        scheduler = null;
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        safely(this::writeBehindAll, "storing unconfirmed events");
        safely(this::flushConfirmed, "deleting confirmed events");
    }

    /** At stop: what the publisher could not get confirmed is stored, for the next instance to send. */
    private void writeBehindAll() {
        unstored.replaceAll((id, pending) -> new Unstored(pending.entry(), 0));
        writeBehind();
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** Starts before and stops after the event publisher (a phase below it). */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE / 2 - 1;
    }
}
