package net.voipbin.rpc.event;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;

import com.rabbitmq.client.Channel;

import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.metrics.FleetMetrics;
import net.voipbin.rpc.trace.Trace;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes an event queue with manual acks. A handler failure sends the message to the back of its
 * queue with an attempt count (later messages keep flowing); after the last attempt, or at once for
 * a message that is not an event envelope or is over the size limit (not even decoded: a consumer must
 * survive a body of any size), the message is parked in the dead queue with the reason. The
 * retry or park is confirmed by the broker before the original is acked, so nothing is lost; if the
 * broker cannot take it, the original is requeued. A message is acked when its handler's stage
 * completes, not when the handler returns, and acks of messages finished together are coalesced
 * ({@link PendingAcks}).
 */
public final class EventConsumer implements ChannelAwareMessageListener {

    public static final String ATTEMPTS_HEADER = "x-voipbin-attempts";
    public static final String ERROR_HEADER = "x-voipbin-error";

    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);

    private final AsyncEventHandler handler;
    private final JsonMapper json;
    private final ConfirmedSender sender;
    private final String queue;
    private final String deadQueue;
    private final int maxAttempts;
    private final long maxBytes;
    private final FleetMetrics metrics;
    private final Map<Channel, PendingAcks> acks = new ConcurrentHashMap<>();

    public EventConsumer(AsyncEventHandler handler, JsonMapper json, ConfirmedSender sender, String queue,
            String deadQueue, int maxAttempts) {
        this(handler, json, sender, queue, deadQueue, maxAttempts, MessageSize.DEFAULT_MAX_BYTES);
    }

    public EventConsumer(AsyncEventHandler handler, JsonMapper json, ConfirmedSender sender, String queue,
            String deadQueue, int maxAttempts, long maxBytes) {
        this(handler, json, sender, queue, deadQueue, maxAttempts, maxBytes, FleetMetrics.none());
    }

    /**
     * @param maxBytes a body over this many bytes is parked unread ({@code voipbin.events.max-size})
     * @param metrics  times every event handled, by type and outcome, and counts what is parked
     */
    public EventConsumer(AsyncEventHandler handler, JsonMapper json, ConfirmedSender sender, String queue,
            String deadQueue, int maxAttempts, long maxBytes, FleetMetrics metrics) {
        this.metrics = metrics;
        this.handler = handler;
        this.json = json;
        this.sender = sender;
        this.queue = queue;
        this.deadQueue = deadQueue;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.maxBytes = maxBytes;
    }

    @Override
    public void onMessage(Message message, Channel channel) {
        handle(receive(message, channel));
    }

    /**
     * Takes a message in: its delivery is tracked for acking and its envelope decoded once (a dispatcher
     * that looks inside the event first reads {@link Received#event()}). Must be called in delivery order;
     * {@link #handle} may then run anywhere.
     */
    public Received receive(Message message, Channel channel) {
        PendingAcks pending = acks.computeIfAbsent(channel, this::track);
        pending.received(message.getMessageProperties().getDeliveryTag());
        int size = message.getBody().length;
        if (size > maxBytes) {
            return rejected(message, pending, MessageSize.oversize(size, maxBytes));
        }
        try {
            return new Received(message, json.readValue(message.getBody(), Event.class), pending, null);
        } catch (RuntimeException e) {
            // The parser's first line says what is wrong; the rest is a location in a body nobody logs.
            String problem = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            return rejected(message, pending, "unparsable event: " + problem);
        }
    }

    /** Runs the handler; the message is acked, retried or parked when its stage completes. */
    public void handle(Received received) {
        String trace = received.message.getMessageProperties().getHeader(Trace.HEADER);
        received.startNanos = System.nanoTime();
        CompletableFuture<?> stage = received.event == null ? CompletableFuture.completedFuture(null)
                : Trace.callWith(trace, () -> start(received.event)).toCompletableFuture();
        if (stage.isDone()) {
            Trace.runWith(trace, () -> settle(received, failure(stage), false));
        } else {
            stage.whenComplete((ignored, failure) -> Trace.runWith(trace, () -> settle(received, failure, true)));
        }
    }

    /** Messages taken in and not yet acknowledged, on every channel. */
    public int unacknowledged() {
        return acks.values().stream().mapToInt(PendingAcks::unacknowledged).sum();
    }

    private CompletionStage<?> start(Event event) {
        try {
            CompletionStage<?> stage = handler.handle(event);
            return stage != null ? stage : CompletableFuture.completedFuture(null);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void settle(Received received, Throwable failure, boolean completedElsewhere) {
        long tag = received.message.getMessageProperties().getDeliveryTag();
        try {
            if (received.event == null) {
                park(received.message, received.rejection, received.rejection.startsWith("oversize") ? "oversize" : "unparsable");
            } else if (failure != null) {
                boolean parked = retryOrPark(received.message, received.event,
                        failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure);
                handled(received, parked ? "parked" : "retried");
            } else {
                handled(received, "ok");
            }
        } catch (RuntimeException e) {
            log.error("could not retry or park a message from {}, requeueing it: {}", queue, e.getMessage());
            acknowledge(() -> received.acks.requeue(tag));
            return;
        }
        if (completedElsewhere) {
            received.acks.finishedSoon(tag);
        } else {
            acknowledge(() -> received.acks.finished(tag));
        }
    }

    private void handled(Received received, String outcome) {
        metrics.eventHandled(received.event.publisher(), received.event.type(), outcome,
                System.nanoTime() - received.startNanos);
    }

    private static Throwable failure(CompletableFuture<?> done) {
        try {
            done.join();
            return null;
        } catch (CompletionException | CancellationException e) {
            return e;
        }
    }

    private void acknowledge(AckAction action) {
        try {
            action.run();
        } catch (IOException | RuntimeException e) {
            // Not acked: the broker redelivers the message when the channel closes.
            log.warn("could not acknowledge a message from {}: {}", queue, e.getMessage());
        }
    }

    private PendingAcks track(Channel channel) {
        channel.addShutdownListener(cause -> acks.remove(channel));
        return new PendingAcks(channel);
    }

    /** A message that is no event of ours: it will be parked, and the listener goes on with the next. */
    private Received rejected(Message message, PendingAcks pending, String reason) {
        log.warn("message on {} parked in {}: {}", queue, deadQueue, reason);
        return new Received(message, null, pending, reason);
    }

    /** @return whether the message was parked (its last attempt) rather than sent back for another */
    private boolean retryOrPark(Message message, Event event, Throwable failure) {
        int attempt = attempts(message.getMessageProperties());
        String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (attempt < maxAttempts) {
            log.warn("event {} failed (attempt {}/{}), retrying: {}", event.routingKey(), attempt, maxAttempts, error);
            MessageProperties properties = message.getMessageProperties();
            properties.setHeader(ATTEMPTS_HEADER, attempt + 1);
            properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
            sender.send("", queue, new Message(message.getBody(), properties));
            return false;
        }
        log.error("event {} failed {} times, parked in {}: {}", event.routingKey(), attempt, deadQueue, error);
        park(message, error, "failed");
        return true;
    }

    private void park(Message message, String error, String reason) {
        MessageProperties properties = message.getMessageProperties();
        properties.setHeader(ERROR_HEADER, error);
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        sender.send("", deadQueue, new Message(message.getBody(), properties));
        metrics.parked(queue, reason);
    }

    private static int attempts(MessageProperties properties) {
        Object value = properties.getHeader(ATTEMPTS_HEADER);
        return value instanceof Number n ? n.intValue() : 1;
    }

    @FunctionalInterface
    private interface AckAction {
        void run() throws IOException;
    }

    /**
     * A message taken in by {@link #receive}: its decoded envelope (null when rejected, with the reason it
     * is parked for) and its delivery.
     */
    public static final class Received {

        private final Message message;
        private final Event event;
        private final PendingAcks acks;
        private final String rejection;
        private long startNanos;

        private Received(Message message, Event event, PendingAcks acks, String rejection) {
            this.message = message;
            this.event = event;
            this.acks = acks;
            this.rejection = rejection;
        }

        public Event event() {
            return event;
        }
    }
}
