package net.voipbin.rpc.event;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.trace.Trace;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the service's events to the topic exchange with routing key {@code <service>.<type>},
 * persistent and confirmed. Inside a transaction the event waits for the commit: a rolled-back change
 * is never announced. The broker's confirm is not waited for here: events go out through one
 * {@link OrderedPublisher}, in the order they were published, and are sent again until confirmed,
 * so the thread that made the change carries on at once.
 */
public class EventPublisher {

    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

    private final OrderedPublisher sender;
    private final JsonMapper json;
    private final String exchange;
    private final String service;
    private final Clock clock;

    public EventPublisher(OrderedPublisher sender, JsonMapper json, String exchange, String service, Clock clock) {
        this.sender = sender;
        this.json = json;
        this.exchange = exchange;
        this.service = service;
        this.clock = clock;
    }

    /** Publishes {@code data} (the resource after the change) as event {@code type}. */
    public void publish(String type, Object data) {
        Event event = new Event(type, service, clock.instant(), json.valueToTree(data));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            String traceId = Trace.currentOrNew();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    Trace.runWith(traceId, () -> publishAfterCommit(event));
                }
            });
        } else {
            send(exchange, event);
        }
    }

    /** Publishes a ready envelope to any exchange (asterisk-proxy's fanout, for one). */
    public void send(String targetExchange, Event event) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        properties.setHeader(Trace.HEADER, Trace.currentOrNew());
        try {
            sender.publish(targetExchange, event.routingKey(), new Message(json.writeValueAsBytes(event), properties));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing event " + event.routingKey() + " over", e);
        }
        log.debug("published {}", event.routingKey());
    }

    private void publishAfterCommit(Event event) {
        try {
            send(exchange, event);
        } catch (RuntimeException e) {
            // The change is committed; the caller can no longer undo it, so the loss is reported loudly.
            log.error("event {} committed but not published: {}", event.routingKey(), e.getMessage(), e);
        }
    }
}
