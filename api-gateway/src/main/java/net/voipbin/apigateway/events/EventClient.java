package net.voipbin.apigateway.events;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connected client of a customer. The bus consumer only offers frames to the client's bounded
 * buffer and moves on; the client's own (virtual) writer thread sends them in order. A client whose
 * buffer is full is too slow: it is closed with that reason instead of stalling the consumer and with it
 * every other client.
 */
final class EventClient {

    static final String TOO_SLOW = "client too slow";
    /** An idle stream gets a heartbeat this often. */
    static final Duration HEARTBEAT = Duration.ofSeconds(25);

    private static final Logger log = LoggerFactory.getLogger(EventClient.class);
    /** Marks the end of the stream in the buffer: the writer closes the sink when it reaches it. */
    private static final String END = new String("end");

    private final UUID customer;
    private final EventFilter filter;
    private final Set<Topic> topics = new CopyOnWriteArraySet<>();
    private final EventSink sink;
    private final BlockingQueue<String> buffer;
    private final int capacity;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final Runnable onClosed;
    private volatile String closeReason = "closed";

    EventClient(UUID customer, EventFilter filter, EventSink sink, int bufferSize, Runnable onClosed) {
        this.customer = customer;
        this.filter = filter;
        this.sink = sink;
        // One place more than the events, for the end marker a full buffer still takes.
        this.buffer = new ArrayBlockingQueue<>(bufferSize + 1);
        this.capacity = bufferSize;
        this.onClosed = onClosed;
    }

    UUID customer() {
        return customer;
    }

    void start() {
        Thread.ofVirtual().name("events-" + customer).start(this::write);
    }

    /** Whether this client wants the event: its URL filter, and its topics once it subscribed to any. */
    boolean wants(LiveEvent event) {
        return filter.matches(event) && (topics.isEmpty() || topics.stream().anyMatch(topic -> topic.matches(event)));
    }

    /** Adds topics of the client's own customer; a topic naming another customer is refused. */
    void subscribe(List<Topic> wanted) {
        for (Topic topic : wanted) {
            if (!topic.customer().equals(customer)) {
                throw new IllegalArgumentException("topic names another customer: customer_id:" + topic.customer());
            }
        }
        topics.addAll(wanted);
    }

    void unsubscribe(List<Topic> unwanted) {
        topics.removeAll(unwanted);
    }

    /** Queues a frame without waiting; a full buffer ends the client as too slow. */
    void offer(String frame) {
        if (closing.get()) {
            return;
        }
        if (buffer.size() >= capacity || !buffer.offer(frame)) {
            close(TOO_SLOW + ": more than " + capacity + " events unsent");
        }
    }

    /** Ends the client: whatever it has not been sent is dropped, and the sink is closed with the reason. */
    void close(String reason) {
        if (closing.compareAndSet(false, true)) {
            closeReason = reason;
            buffer.clear();
            buffer.offer(END);
        }
    }

    private void write() {
        try {
            sink.open();
            while (true) {
                String frame = buffer.poll(HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
                if (frame == END) {
                    break;
                }
                if (frame == null) {
                    sink.heartbeat();
                } else {
                    sink.send(frame);
                }
            }
        } catch (IOException e) {
            closeReason = "client gone: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closing.set(true);
            log.info("live events of customer {} closed: {}", customer, closeReason);
            onClosed.run();
            sink.close(closeReason);
        }
    }
}
