package net.voipbin.rpc.event;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitOperations;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes messages confirmed and in the order they were handed over, without making the caller wait
 * for the broker: a state change is committed first and announced here, so the thread that made it
 * goes on at once. One thread sends everything on one channel, held inside {@link RabbitTemplate#invoke}
 * while there is work (a caching connection factory could otherwise hand successive sends different
 * channels, and the broker orders only per channel).
 * <p>
 * Sending does not wait for confirms: up to {@value #WINDOW} messages may be unconfirmed at once, and a
 * message handed over while earlier ones await theirs goes out at once. That matters because a
 * persistent message is confirmed only when the broker has written it to disk or its consumer has acked
 * it, which can take milliseconds; waiting for that before the next send would queue every event behind
 * the previous one's consumer. When a send fails, a confirm is refused or is later than the confirm
 * timeout, everything unconfirmed is sent again, in order, until confirmed: delivery is at least once and
 * never reordered. A full queue blocks the caller, which is the back-pressure when the broker is gone.
 */
public final class OrderedPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrderedPublisher.class);
    private static final int WINDOW = 1_024;
    private static final int CAPACITY = 10_000;
    private static final long IDLE_POLL_MILLIS = 200;

    /** {@code confirmed} runs on the worker once the broker has confirmed the message. */
    private record Outgoing(String exchange, String routingKey, Message message, Runnable confirmed) {
    }

    /**
     * A message taken from the queue and not yet confirmed, with the confirm of its latest send and when
     * that was (which starts its confirm timeout). It stays in the window, in place, until confirmed, so a
     * failure anywhere leaves the window whole and in order, to be sent again.
     */
    private final class Pending {
        private final Outgoing outgoing;
        private CorrelationData correlation;
        private long sentAt;

        Pending(Outgoing outgoing) {
            this.outgoing = outgoing;
        }

        void sendOn(RabbitOperations operations) {
            CorrelationData mine = new CorrelationData(Long.toString(++correlations));
            correlation = mine;
            // Only the confirm the worker waits for wakes it (confirms come in order): it retires every
            // confirmed message then, so later confirms cost no wake-up of their own.
            mine.getFuture().whenComplete((confirm, error) -> {
                if (awaited == mine) {
                    wakeWorker();
                }
            });
            sentAt = System.nanoTime();
            operations.send(outgoing.exchange(), outgoing.routingKey(), outgoing.message(), correlation);
        }

        boolean confirmed() {
            return correlation != null && correlation.getFuture().isDone();
        }
    }

    private final RabbitTemplate template;
    private final long confirmTimeoutNanos;
    private final Runnable beforeFirst;
    private final IntConsumer published;
    private final String name;
    private final long maxBytes;
    private final BlockingQueue<Outgoing> queue = new LinkedBlockingQueue<>(CAPACITY);
    /** Taken from the queue and not yet confirmed, oldest first; only the worker touches it. */
    private final ArrayDeque<Pending> unconfirmed = new ArrayDeque<>();
    /** Handed over and not yet confirmed; {@link #idle} is notified when it falls to zero. */
    private final AtomicInteger outstanding = new AtomicInteger();
    private final Object idle = new Object();
    private volatile boolean running;
    private volatile Thread worker;
    /** The confirm the parked worker waits for: the window's head. */
    private volatile CorrelationData awaited;
    private boolean prepared;
    /** Correlation ids only tell this publisher's confirms apart: a count is enough, a random UUID costs more. */
    private long correlations;

    /**
     * @param connectionFactory a factory with publisher confirms (correlated); publishing uses its
     *                          publisher connection, so a blocked publisher never stalls consumers
     * @param beforeFirst       runs once before the first publish (declaring what must be bound first)
     * @param published         told how many messages were confirmed, as they are (metrics)
     */
    public OrderedPublisher(String name, ConnectionFactory connectionFactory, Duration confirmTimeout,
            Runnable beforeFirst, IntConsumer published) {
        this(name, connectionFactory, confirmTimeout, beforeFirst, published, Long.MAX_VALUE);
    }

    /**
     * @param maxBytes a message over this many bytes is refused by {@link #publish} ({@code voipbin.events.max-size});
     *                 without it there is no limit here (asterisk-proxy's ARI publisher, whose stream reader does
     *                 not expect a refusal; call-manager parks an oversize ARI event and goes on)
     */
    public OrderedPublisher(String name, ConnectionFactory connectionFactory, Duration confirmTimeout,
            Runnable beforeFirst, IntConsumer published, long maxBytes) {
        this.name = name;
        this.maxBytes = maxBytes;
        this.template = new RabbitTemplate(connectionFactory);
        template.setUsePublisherConnection(true);
        this.confirmTimeoutNanos = confirmTimeout.toNanos();
        this.beforeFirst = beforeFirst;
        this.published = published;
    }

    public OrderedPublisher(String name, ConnectionFactory connectionFactory, Duration confirmTimeout) {
        this(name, connectionFactory, confirmTimeout, () -> { }, count -> { });
    }

    /**
     * Queues a message behind everything handed over before it; blocks while the queue is full. A message
     * over the size limit is refused at once ({@link MessageSize.MessageTooLargeException}): sent, it would be
     * parked by its consumer, or refused by the broker and sent again forever, holding up everything behind it.
     */
    public void publish(String exchange, String routingKey, Message message) throws InterruptedException {
        publish(exchange, routingKey, message, null);
    }

    /**
     * As {@link #publish(String, String, Message)}; {@code confirmed} (may be null) runs on the publishing
     * thread once the broker has confirmed the message, so it must be quick.
     */
    public void publish(String exchange, String routingKey, Message message, Runnable confirmed)
            throws InterruptedException {
        MessageSize.refuseAbove(maxBytes, message.getBody(), name + " message " + routingKey);
        outstanding.incrementAndGet();
        try {
            queue.put(new Outgoing(exchange, routingKey, message, confirmed));
        } catch (InterruptedException e) {
            settled(1);
            throw e;
        }
        wakeWorker();
    }

    /**
     * Waits until everything handed over so far is confirmed by the broker (or the timeout passes);
     * for callers that must know, such as tests and a shutdown.
     */
    public boolean awaitConfirmed(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (outstanding.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
        }
        return true;
    }

    private void wakeWorker() {
        Thread thread = worker;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    private void drain() {
        long pause = 200;
        while (running || !queue.isEmpty() || !unconfirmed.isEmpty()) {
            try {
                if (unconfirmed.isEmpty() && !awaitWork()) {
                    continue;
                }
                prepareOnce();
                template.invoke(operations -> {
                    resend(operations);
                    sendAndRetire(operations);
                    return null;
                });
                pause = 200;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running || Thread.currentThread().isInterrupted()) {
                    log.error("{}: stopped with {} messages unconfirmed, dropped: {}", name,
                            unconfirmed.size() + queue.size(), e.getMessage());
                    return;
                }
                log.warn("{}: publishing failed with {} messages unconfirmed, sending them again in {} ms: {}", name,
                        unconfirmed.size(), pause, e.getMessage());
                sleep(pause);
                pause = Math.min(pause * 2, 1_000);
            }
        }
    }

    /** Waits for the first message of a busy spell; false when none came within the idle poll. */
    private boolean awaitWork() throws InterruptedException {
        Outgoing first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (first == null) {
            return false;
        }
        unconfirmed.addLast(new Pending(first));
        return true;
    }

    private void prepareOnce() {
        if (!prepared) {
            beforeFirst.run();
            prepared = true;
        }
    }

    /** Sends the whole window, in order: again after a failure, or the first message of a busy spell. */
    private void resend(RabbitOperations operations) {
        for (Pending pending : unconfirmed) {
            pending.sendOn(operations);
        }
    }

    /**
     * Sends what is queued while the window has room and retires confirmed messages from its head, until
     * both the queue and the window are empty: then the channel goes back to the factory.
     */
    private void sendAndRetire(RabbitOperations operations) {
        while (true) {
            Outgoing out;
            while (unconfirmed.size() < WINDOW && (out = queue.poll()) != null) {
                Pending pending = new Pending(out);
                // In the window before it is sent: if the send fails, it is sent again with the rest.
                unconfirmed.addLast(pending);
                pending.sendOn(operations);
            }
            retireConfirmed();
            if (unconfirmed.isEmpty() && queue.isEmpty()) {
                return;
            }
            if (queue.isEmpty() || unconfirmed.size() >= WINDOW) {
                awaitHeadConfirm();
            }
        }
    }

    /** Parks until the head's confirm (or, with room in the window, a new message) wakes the worker. */
    private void awaitHeadConfirm() {
        Pending head = unconfirmed.peekFirst();
        long waited = System.nanoTime() - head.sentAt;
        if (waited >= confirmTimeoutNanos) {
            throw new AmqpException("no publisher confirm within " + confirmTimeoutNanos / 1_000_000 + " ms");
        }
        awaited = head.correlation;
        // Checked again after announcing the wait: a confirm that came in between woke nobody.
        if (!head.confirmed()) {
            LockSupport.parkNanos(this, confirmTimeoutNanos - waited);
        }
        awaited = null;
        // The flag stays set: the failure it raises ends the worker instead of a retry.
        if (Thread.currentThread().isInterrupted()) {
            throw new AmqpException("interrupted while waiting for publisher confirms");
        }
    }

    /** Drops the confirmed head of the window; a refused confirm fails the channel, so all is sent again. */
    private void retireConfirmed() {
        int retired = 0;
        Pending head;
        while ((head = unconfirmed.peekFirst()) != null && head.confirmed()) {
            CorrelationData.Confirm confirm = head.correlation.getFuture().join();
            if (!confirm.ack()) {
                throw new AmqpException("broker refused a message: " + confirm.reason());
            }
            unconfirmed.pollFirst();
            retired++;
            runConfirmed(head.outgoing.confirmed());
        }
        if (retired > 0) {
            published.accept(retired);
            settled(retired);
        }
    }

    private void runConfirmed(Runnable confirmed) {
        if (confirmed == null) {
            return;
        }
        try {
            confirmed.run();
        } catch (RuntimeException e) {
            log.warn("{}: a confirm callback failed: {}", name, e.getMessage());
        }
    }

    private void settled(int count) {
        if (outstanding.addAndGet(-count) == 0) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().name(name).daemon().start(this::drain);
    }

    /** Stops taking the time to publish what was handed over, up to the confirm timeout and a second. */
    @Override
    public void stop() {
        running = false;
        try {
            worker.join(confirmTimeoutNanos / 1_000_000 + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before and stops after everything that publishes (listeners, web server, streams). */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE / 2;
    }
}
