package net.voipbin.rpc.event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes messages confirmed and in the order they were handed over, without making the caller wait
 * for the broker: a state change is committed first and announced here, so the thread that made it
 * goes on at once. One thread drains a bounded queue; each batch goes out on one channel inside
 * {@link RabbitTemplate#invoke} (a caching connection factory could otherwise hand successive sends
 * different channels, and the broker orders only per channel), and the next batch waits for this
 * one's confirms. A failed batch is sent again, whole, until confirmed: delivery is at least once and
 * never reordered. A full queue blocks the caller, which is the back-pressure when the broker is gone.
 */
public final class OrderedPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrderedPublisher.class);
    private static final int BATCH = 256;
    private static final int CAPACITY = 10_000;

    private record Outgoing(String exchange, String routingKey, Message message) {
    }

    private final RabbitTemplate template;
    private final Duration confirmTimeout;
    private final Runnable beforeFirst;
    private final IntConsumer published;
    private final String name;
    private final BlockingQueue<Outgoing> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final Object idle = new Object();
    private volatile boolean running;
    private boolean prepared;
    private int inFlight;
    /** Correlation ids only tell this publisher's confirms apart: a count is enough, a random UUID costs more. */
    private long correlations;
    private Thread worker;

    /**
     * @param connectionFactory a factory with publisher confirms (correlated); publishing uses its
     *                          publisher connection, so a blocked publisher never stalls consumers
     * @param beforeFirst       runs once before the first publish (declaring what must be bound first)
     * @param published         told how many messages each confirmed batch held (metrics)
     */
    public OrderedPublisher(String name, ConnectionFactory connectionFactory, Duration confirmTimeout,
            Runnable beforeFirst, IntConsumer published) {
        this.name = name;
        this.template = new RabbitTemplate(connectionFactory);
        template.setUsePublisherConnection(true);
        this.confirmTimeout = confirmTimeout;
        this.beforeFirst = beforeFirst;
        this.published = published;
    }

    public OrderedPublisher(String name, ConnectionFactory connectionFactory, Duration confirmTimeout) {
        this(name, connectionFactory, confirmTimeout, () -> { }, count -> { });
    }

    /** Queues a message behind everything handed over before it; blocks while the queue is full. */
    public void publish(String exchange, String routingKey, Message message) throws InterruptedException {
        queue.put(new Outgoing(exchange, routingKey, message));
    }

    /**
     * Waits until everything handed over so far is confirmed by the broker (or the timeout passes);
     * for callers that must know, such as tests and a shutdown.
     */
    public boolean awaitConfirmed(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (!queue.isEmpty() || inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
        }
        return true;
    }

    private void drain() {
        List<Outgoing> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Outgoing first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                synchronized (idle) {
                    inFlight = batch.size();
                }
                publishUntilConfirmed(batch);
                batch.clear();
                synchronized (idle) {
                    inFlight = 0;
                    idle.notifyAll();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void publishUntilConfirmed(List<Outgoing> batch) throws InterruptedException {
        long pause = 200;
        while (true) {
            try {
                prepareOnce();
                sendConfirmed(batch);
                published.accept(batch.size());
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    log.error("{}: dropping {} unconfirmed messages at shutdown: {}", name, batch.size(), e.getMessage());
                    return;
                }
                log.warn("{}: publishing {} messages failed, retrying in {} ms: {}", name, batch.size(), pause,
                        e.getMessage());
                Thread.sleep(pause);
                pause = Math.min(pause * 2, 5_000);
            }
        }
    }

    private void prepareOnce() {
        if (!prepared) {
            beforeFirst.run();
            prepared = true;
        }
    }

    private void sendConfirmed(List<Outgoing> batch) {
        List<CorrelationData> confirms = template.invoke(operations -> {
            List<CorrelationData> sent = new ArrayList<>(batch.size());
            for (Outgoing out : batch) {
                CorrelationData correlation = new CorrelationData(Long.toString(++correlations));
                operations.send(out.exchange(), out.routingKey(), out.message(), correlation);
                sent.add(correlation);
            }
            return sent;
        });
        for (CorrelationData correlation : confirms) {
            ConfirmedSender.awaitAck(correlation, confirmTimeout, name + "'s batch");
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
            worker.join(confirmTimeout.toMillis() + 1_000);
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
