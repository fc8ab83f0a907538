package net.voipbin.webhookmanager.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.envelope.RpcRequest;
import net.voipbin.webhookmanager.Receiver;
import net.voipbin.webhookmanager.WebhookManagerITBase;
import tools.jackson.databind.JsonNode;

/**
 * A publisher's outbox may send an event again after a crash (same event_id, a later timestamp): the
 * receiver gets it once, under a webhook-id named after the event. Two events are two deliveries even
 * when everything they carry is the same.
 */
class RepublishedEventIT extends WebhookManagerITBase {

    private static final Duration DEADLINE = Duration.ofSeconds(15);

    @Test
    void anEventPublishedAgainWithALaterTimestampReachesTheReceiverOnceUnderAWebhookIdNamedAfterIt() {
        JsonNode webhook = createWebhook("/hook", "[]");
        UUID eventId = UUID.randomUUID();
        Instant first = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        send(eventId, first, "republished");
        await().atMost(DEADLINE).until(() -> receiver.on("/hook").size() == 1);
        send(eventId, first.plusSeconds(5), "republished");
        // Sent after the second send: once it is delivered, the second send has been taken in as well (the
        // consumers take the queue in order), and the receiver is watched a while longer all the same.
        send(UUID.randomUUID(), first, "after");

        await().atMost(DEADLINE).until(() -> posts("after").size() == 1);
        await().during(Duration.ofMillis(500)).atMost(DEADLINE).until(() -> posts("republished").size() == 1);
        Receiver.Request request = posts("republished").getFirst();
        assertThat(request.header("webhook-id")).isEqualTo("msg_" + eventId);
        assertThat(Instant.parse(json.readTree(request.body()).get("timestamp").asString())).as("the first send's bytes")
                .isEqualTo(first);
        assertThat(deliveries(webhook)).extracting(d -> d.get("message_id").asString())
                .containsExactlyInAnyOrder("msg_" + eventId, posts("after").getFirst().header("webhook-id"));
    }

    @Test
    void twoEventsCarryingTheSameDataAtTheSameInstantAreTwoDeliveries() {
        createWebhook("/hook", "[]");
        UUID oneEvent = UUID.randomUUID();
        UUID anotherEvent = UUID.randomUUID();
        Instant at = Instant.now();

        send(oneEvent, at, "same");
        send(anotherEvent, at, "same");

        await().atMost(DEADLINE).until(() -> posts("same").size() == 2);
        assertThat(posts("same")).extracting(r -> r.header("webhook-id"))
                .containsExactlyInAnyOrder("msg_" + oneEvent, "msg_" + anotherEvent);
        assertThat(posts("same").get(0).body()).as("identical bodies").isEqualTo(posts("same").get(1).body());
    }

    /** A call_created event of this test's customer as call-manager's outbox would send it. */
    private void send(UUID eventId, Instant timestamp, String callId) {
        JsonNode data = json.valueToTree(Map.of("id", callId, "customer_id", customer.toString()));
        publisher.send(topology.eventExchange(),
                new Event(eventId, "call_created", "call-manager", timestamp, RpcRequest.JSON, data, null));
    }

    private List<Receiver.Request> posts(String callId) {
        return receiver.on("/hook").stream()
                .filter(r -> json.readTree(r.body()).get("data").get("id").asString().equals(callId)).toList();
    }
}
