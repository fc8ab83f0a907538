package net.voipbin.rpc.event;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;

import com.rabbitmq.client.Channel;

import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.trace.Trace;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes an event queue with manual acks. A handler failure sends the message to the back of its
 * queue with an attempt count (later messages keep flowing); after the last attempt, or at once for
 * an envelope that cannot be decoded, the message is parked in the dead queue with the error. The
 * retry or park is confirmed by the broker before the original is acked, so nothing is lost; if the
 * broker cannot take it, the original is requeued.
 */
public final class EventConsumer implements ChannelAwareMessageListener {

    public static final String ATTEMPTS_HEADER = "x-voipbin-attempts";
    public static final String ERROR_HEADER = "x-voipbin-error";

    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);

    private final RawEventHandler handler;
    private final JsonMapper json;
    private final ConfirmedSender sender;
    private final String queue;
    private final String deadQueue;
    private final int maxAttempts;

    public EventConsumer(RawEventHandler handler, JsonMapper json, ConfirmedSender sender, String queue,
            String deadQueue, int maxAttempts) {
        this.handler = handler;
        this.json = json;
        this.sender = sender;
        this.queue = queue;
        this.deadQueue = deadQueue;
        this.maxAttempts = Math.max(1, maxAttempts);
    }

    @Override
    public void onMessage(Message message, Channel channel) throws IOException {
        onDecoded(message, channel, decode(message));
    }

    /**
     * Handles a message whose envelope the caller already decoded with {@link #decode} (null: it could
     * not be), so a dispatcher that looks inside the event first parses it once, not twice.
     */
    public void onDecoded(Message message, Channel channel, Event event) throws IOException {
        long tag = message.getMessageProperties().getDeliveryTag();
        try {
            Trace.runWith(message.getMessageProperties().getHeader(Trace.HEADER), () -> consume(message, event));
            channel.basicAck(tag, false);
        } catch (RuntimeException e) {
            log.error("could not retry or park a message from {}, requeueing it: {}", queue, e.getMessage());
            channel.basicNack(tag, false, true);
        }
    }

    /** The message's event envelope, or null when it is not one (it will be parked). */
    public Event decode(Message message) {
        try {
            return json.readValue(message.getBody(), Event.class);
        } catch (RuntimeException e) {
            log.warn("unparsable event on {}: {}", queue, e.getMessage());
            return null;
        }
    }

    private void consume(Message message, Event event) {
        if (event == null) {
            park(message, "unparsable event");
            return;
        }
        try {
            handler.handle(event);
        } catch (Exception e) {
            retryOrPark(message, event, e);
        }
    }

    private void retryOrPark(Message message, Event event, Exception failure) {
        int attempt = attempts(message.getMessageProperties());
        String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (attempt < maxAttempts) {
            log.warn("event {} failed (attempt {}/{}), retrying: {}", event.routingKey(), attempt, maxAttempts, error);
            MessageProperties properties = message.getMessageProperties();
            properties.setHeader(ATTEMPTS_HEADER, attempt + 1);
            properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
            sender.send("", queue, new Message(message.getBody(), properties));
        } else {
            log.error("event {} failed {} times, parked in {}: {}", event.routingKey(), attempt, deadQueue, error);
            park(message, error);
        }
    }

    private void park(Message message, String error) {
        MessageProperties properties = message.getMessageProperties();
        properties.setHeader(ERROR_HEADER, error);
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        sender.send("", deadQueue, new Message(message.getBody(), properties));
    }

    private static int attempts(MessageProperties properties) {
        Object value = properties.getHeader(ATTEMPTS_HEADER);
        return value instanceof Number n ? n.intValue() : 1;
    }
}
