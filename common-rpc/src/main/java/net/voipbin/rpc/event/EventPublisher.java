package net.voipbin.rpc.event;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.outbox.OutboxEntry;
import net.voipbin.rpc.outbox.OutboxRelay;
import net.voipbin.rpc.trace.Trace;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the service's events to the topic exchange with routing key {@code <service>.<type>},
 * persistent and confirmed, each with an {@code event_id} of its own.
 * <p>
 * With an outbox (a service with a database), an event published inside a transaction is written to
 * the outbox in that transaction, all of the transaction's events in one batch just before the commit,
 * and handed to the broker right after it: the event exists exactly when the change does, and a crash
 * in between only delays it (the relay sends it later). Outside a transaction (a change committed by one
 * statement) the event is handed over at once and its row written only if the broker has not confirmed
 * it within a few milliseconds ({@link OutboxRelay#handOverUnstored}). Without an outbox, the event waits for the commit and is then handed over; a crash in
 * between loses it. Either way the broker's confirm is not waited for here: events go out through one
 * {@link OrderedPublisher}, in the order they were published, and are sent again until confirmed.
 * <p>
 * An event over {@code voipbin.events.max-size} is refused with a {@link MessageSize.MessageTooLargeException}
 * before anything is written or sent (inside a transaction the change rolls back with it): a consumer would
 * only park it, and a huge event holds up every queue it passes through.
 */
public class EventPublisher {

    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

    private final OrderedPublisher sender;
    private final JsonMapper json;
    private final String exchange;
    private final String service;
    private final Clock clock;
    private final OutboxRelay outbox;
    private final long maxBytes;

    public EventPublisher(OrderedPublisher sender, JsonMapper json, String exchange, String service, Clock clock,
            OutboxRelay outbox) {
        this(sender, json, exchange, service, clock, outbox, MessageSize.DEFAULT_MAX_BYTES);
    }

    public EventPublisher(OrderedPublisher sender, JsonMapper json, String exchange, String service, Clock clock,
            OutboxRelay outbox, long maxBytes) {
        this.sender = sender;
        this.json = json;
        this.exchange = exchange;
        this.service = service;
        this.clock = clock;
        this.outbox = outbox;
        this.maxBytes = maxBytes;
    }

    /** Publishes {@code data} (the resource after the change) as event {@code type}. */
    public void publish(String type, Object data) {
        Event event = new Event(type, service, clock.instant(), json.valueToTree(data));
        if (outbox != null) {
            store(event);
        } else if (TransactionSynchronizationManager.isSynchronizationActive()) {
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
        byte[] body = encode(event);
        try {
            sender.publish(targetExchange, event.routingKey(), new Message(body, properties));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing event " + event.routingKey() + " over", e);
        }
        log.debug("published {}", event.routingKey());
    }

    private void store(Event event) {
        OutboxEntry entry = new OutboxEntry(event.eventId(), exchange, event.routingKey(), Trace.currentOrNew(),
                encode(event));
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            outbox.handOverUnstored(entry);
            return;
        }
        TransactionEvents pending = (TransactionEvents) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new TransactionEvents();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.entries.add(entry);
    }

    private byte[] encode(Event event) {
        byte[] body = json.writeValueAsBytes(event);
        MessageSize.refuseAbove(maxBytes, body, "event " + event.routingKey());
        return body;
    }

    /** The events of one transaction: stored together just before its commit, handed over after it. */
    private final class TransactionEvents implements TransactionSynchronization {

        private final List<OutboxEntry> entries = new ArrayList<>(4);

        @Override
        public void beforeCommit(boolean readOnly) {
            outbox.write(entries);
        }

        @Override
        public void afterCommit() {
            outbox.handOver(entries);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(EventPublisher.this);
        }
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
