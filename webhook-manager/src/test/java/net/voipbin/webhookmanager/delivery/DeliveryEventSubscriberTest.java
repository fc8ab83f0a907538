package net.voipbin.webhookmanager.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.envelope.RpcRequest;
import net.voipbin.rpc.json.Json;
import tools.jackson.databind.json.JsonMapper;

/** Which events are one event for the receiver: one delivery per webhook, one webhook-id. */
class DeliveryEventSubscriberTest {

    private static final Instant AT = Instant.parse("2026-01-20T12:00:00Z");

    private final JsonMapper json = Json.newMapper();

    @Test
    void anEventSentAgainIsTheSameEventWhateverItsTimestampOrBody() {
        UUID eventId = UUID.randomUUID();

        DeliveryEventSubscriber.EventIdentity first = identify(event(eventId, AT, "c-1"));
        DeliveryEventSubscriber.EventIdentity again = identify(event(eventId, AT.plusSeconds(5), "c-1 changed"));

        assertThat(again).isEqualTo(first);
        assertThat(first.messageId()).isEqualTo("msg_" + eventId);
    }

    @Test
    void twoEventsWithTheSameContentAreTwoEvents() {
        assertThat(identify(event(UUID.randomUUID(), AT, "c-1"))).isNotEqualTo(identify(event(UUID.randomUUID(), AT, "c-1")));
    }

    @Test
    void withoutAnEventIdTheSameContentIsTheSameEventAndANewTimestampANewOne() {
        DeliveryEventSubscriber.EventIdentity first = identify(event(null, AT, "c-1"));

        assertThat(identify(event(null, AT, "c-1"))).isEqualTo(first);
        assertThat(identify(event(null, AT.plusSeconds(5), "c-1"))).isNotEqualTo(first);
        assertThat(first.messageId()).startsWith("msg_").hasSize(4 + 24);
    }

    private DeliveryEventSubscriber.EventIdentity identify(Event event) {
        String body = json.writeValueAsString(new DeliveryEventSubscriber.WebhookBody(event.type(), event.timestamp(), event.data()));
        return DeliveryEventSubscriber.identify(event, body.getBytes(StandardCharsets.UTF_8));
    }

    private Event event(UUID eventId, Instant timestamp, String callId) {
        return new Event(eventId, "call_created", "call-manager", timestamp, RpcRequest.JSON,
                json.readTree("{\"id\":\"" + callId + "\"}"), null);
    }
}
