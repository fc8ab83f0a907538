package net.voipbin.webhookmanager.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.voipbin.contract.webhookmanager.WebhookManagerEvents;
import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.event.EventSubscriber;
import net.voipbin.rpc.event.EventSubscriptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every event on the bus ({@code #}). The customer is {@code data.customer_id} (an event's data is the
 * resource, and every customer-owned resource carries it); events without one are not customer events
 * and are skipped. The handler returns at once; the consumer acks when the group commit holding the
 * event's pending deliveries has committed, so a crash loses nothing, and a few consumers keep many
 * events in one commit. A redelivered or re-published event adds nothing (same event key).
 */
final class DeliveryEventSubscriber implements EventSubscriber {

    private static final Logger log = LoggerFactory.getLogger(DeliveryEventSubscriber.class);
    private static final UUID NO_WEBHOOK = new UUID(0, 0);
    private static final CompletableFuture<?> DONE = CompletableFuture.completedFuture(null);

    /** The body customers receive, serialized once: these bytes are stored, signed and sent. */
    record WebhookBody(String type, Instant timestamp, JsonNode data) {
    }

    private final BatchWriter<DeliveryRepository.Enqueue> intake;
    private final JsonMapper json;
    private final String ownName;

    DeliveryEventSubscriber(BatchWriter<DeliveryRepository.Enqueue> intake, JsonMapper json, String ownName) {
        this.intake = intake;
        this.json = json;
        this.ownName = ownName;
    }

    @Override
    public void subscriptions(EventSubscriptions subscriptions) {
        subscriptions.onAllAsync(this::accept);
    }

    CompletableFuture<?> accept(Event event) {
        UUID customer = uuidField(event.data(), "customer_id");
        if (customer == null) {
            log.debug("event {} has no data.customer_id: not a customer event", event.routingKey());
            return DONE;
        }
        if (failureOfAFailureNotice(event)) {
            // Two dead webhooks subscribed to each other's failures would otherwise notify each other forever.
            log.debug("failed delivery of a {} event not announced to webhooks", event.type());
            return DONE;
        }
        byte[] body = json.writeValueAsBytes(new WebhookBody(event.type(), event.timestamp(), event.data()));
        EventIdentity identity = identify(event, body);
        return intake.submit(new DeliveryRepository.Enqueue(customer, event.type(), identity.eventKey(),
                identity.messageId(), body, aboutWebhook(event)));
    }

    /** What makes deliveries of one event one: the key that de-duplicates them and the receiver's {@code webhook-id}. */
    record EventIdentity(String eventKey, String messageId) {
    }

    /**
     * By its {@code event_id}: a publisher's outbox may send an event again after a crash, with another
     * timestamp or even changed data, and that must be neither a second delivery nor a new webhook-id, while
     * two events that happen to carry the same content are two deliveries. An event from a publisher that
     * sends no event_id falls back to a digest of its publisher and body, which still absorbs a redelivery
     * of the same message.
     */
    static EventIdentity identify(Event event, byte[] body) {
        if (event.eventId() != null) {
            String id = event.eventId().toString();
            return new EventIdentity("event:" + id, "msg_" + id);
        }
        byte[] digest = sha256(event.publisher(), body);
        return new EventIdentity(HexFormat.of().formatHex(digest),
                "msg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18)));
    }

    private boolean failureOfAFailureNotice(Event event) {
        return isOwnFailure(event) && event.data().path("event_type").asString("").equals(event.type());
    }

    private boolean isOwnFailure(Event event) {
        return ownName.equals(event.publisher()) && WebhookManagerEvents.WEBHOOK_DELIVERY_FAILED.equals(event.type());
    }

    /** A webhook_delivery_failed event is never delivered to the webhook whose delivery failed. */
    private UUID aboutWebhook(Event event) {
        if (isOwnFailure(event)) {
            UUID webhook = uuidField(event.data(), "webhook_id");
            return webhook == null ? NO_WEBHOOK : webhook;
        }
        return NO_WEBHOOK;
    }

    private static UUID uuidField(JsonNode data, String field) {
        JsonNode value = data == null ? null : data.get(field);
        if (value == null || !value.isString()) {
            return null;
        }
        try {
            return UUID.fromString(value.asString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] sha256(String publisher, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(publisher.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            return digest.digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
