package net.voipbin.webhookmanager.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.MeterRegistry;
import net.voipbin.webhookmanager.Receiver;
import net.voipbin.webhookmanager.Receiver.Answer;
import net.voipbin.webhookmanager.Verify;
import net.voipbin.webhookmanager.WebhookManagerITBase;
import tools.jackson.databind.JsonNode;

class WebhookDeliveryIT extends WebhookManagerITBase {

    private static final Duration DEADLINE = Duration.ofSeconds(15);

    @Autowired
    private MeterRegistry meters;

    private double attempts(String outcome) {
        return meters.counter("voipbin.webhook.attempts", "outcome", outcome).count();
    }

    @Test
    void deliversTheEventSignedWithBothSchemesThatAReceiverVerifiesIndependently() throws Exception {
        JsonNode webhook = createWebhook("/hook", "[]");
        String secret = webhook.get("secret").asString();

        publish("call-manager", "call_hungup", customer, Map.of("id", "c-1", "status", "hangup"));

        await().atMost(DEADLINE).until(() -> receiver.on("/hook").size() == 1);
        Receiver.Request request = receiver.on("/hook").getFirst();
        JsonNode body = json.readTree(request.body());
        assertThat(body.propertyNames()).containsExactly("type", "timestamp", "data");
        assertThat(body.get("type").asString()).isEqualTo("call_hungup");
        assertThat(body.get("data").get("id").asString()).isEqualTo("c-1");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(Verify.voipbin(request.header("X-VoIPBIN-Signature"), request.body(), secret)).isTrue();
        assertThat(request.header("webhook-id")).startsWith("msg_");
        assertThat(Verify.standard(request.header("webhook-id"), request.header("webhook-timestamp"),
                request.header("webhook-signature"), request.body(), secret)).isTrue();
        await().atMost(DEADLINE).until(() -> onlyDelivery(webhook).get("status").asString().equals("delivered"));
    }

    @Test
    void onlyTheSubscribedEventTypesReachAWebhook() {
        JsonNode answeredOnly = createWebhook("/answered", "[\"call_answered\"]");
        createWebhook("/all", "[]");

        publish("call-manager", "call_hungup", customer, Map.of("id", "c-2"));
        publish("call-manager", "call_answered", customer, Map.of("id", "c-2"));

        // Both events are enqueued for all matching webhooks in one statement, so once /all has both
        // the filtered webhook's deliveries are final.
        await().atMost(DEADLINE).until(() -> receiver.on("/all").size() == 2);
        JsonNode deliveries = get("/webhooks/" + answeredOnly.get("id").asString() + "/deliveries").get("result");
        assertThat(deliveries).hasSize(1);
        assertThat(deliveries.get(0).get("event_type").asString()).isEqualTo("call_answered");
    }

    @Test
    void aReceiverFailingTwiceGetsThreeAttemptsOnTheScheduleThenTheDeliveryIsDelivered() {
        receiver.script("/flaky", Answer.of(500), Answer.of(502));
        JsonNode webhook = createWebhook("/flaky", "[]");
        double retries = attempts("retry");
        double delivered = attempts("delivered");

        publish("flow-manager", "activeflow_created", customer, Map.of("id", "af-1"));

        await().atMost(DEADLINE).until(() -> onlyDelivery(webhook).get("status").asString().equals("delivered"));
        List<Receiver.Request> posts = receiver.on("/flaky");
        assertThat(posts).hasSize(3);
        assertThat(posts).extracting(r -> r.header("webhook-id")).containsOnly(posts.getFirst().header("webhook-id"));
        assertThat(posts.get(1).receivedNanos() - posts.get(0).receivedNanos()).isGreaterThanOrEqualTo(200_000_000L);
        JsonNode log = deliveryLog(webhook);
        assertThat(log.get("attempt_log")).extracting(a -> a.get("status_code").asInt()).containsExactly(500, 502, 200);
        assertThat(log.get("delivery").get("attempts").asInt()).isEqualTo(3);
        // What an operator's dashboard shows (other tests' deliveries may add to the same counters).
        assertThat(attempts("retry") - retries).isGreaterThanOrEqualTo(2);
        assertThat(attempts("delivered") - delivered).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aReceiverDownForEveryAttemptFailsTheDeliveryAndAnnouncesWebhookDeliveryFailed() {
        JsonNode dead = createWebhookAt("http://127.0.0.1:9/gone-for-good");
        createWebhook("/failures", "[\"webhook_delivery_failed\"]");

        publish("call-manager", "call_created", customer, Map.of("id", "c-3"));

        await().atMost(DEADLINE).until(() -> receiver.on("/failures").size() == 1);
        JsonNode event = json.readTree(receiver.on("/failures").getFirst().body());
        assertThat(event.get("type").asString()).isEqualTo("webhook_delivery_failed");
        assertThat(event.get("data").get("webhook_id").asString()).isEqualTo(dead.get("id").asString());
        assertThat(event.get("data").get("status").asString()).isEqualTo("failed");
        JsonNode log = deliveryLog(dead);
        assertThat(log.get("delivery").get("status").asString()).isEqualTo("failed");
        assertThat(log.get("attempt_log")).hasSize(3).allSatisfy(a -> assertThat(a.has("error")).isTrue());
    }

    @Test
    void anEndpointAnswering410IsDisabledAndNotTriedAgain() {
        receiver.script("/gone", Answer.of(410));
        JsonNode webhook = createWebhook("/gone", "[]");
        double gone = attempts("gone");

        publish("call-manager", "call_created", customer, Map.of("id", "c-4"));

        String id = webhook.get("id").asString();
        await().atMost(DEADLINE).until(() -> !get("/webhooks/" + id).get("enabled").asBoolean());
        assertThat(get("/webhooks/" + id).get("disabled_reason").asString()).contains("410");
        assertThat(onlyDelivery(webhook).get("status").asString()).isEqualTo("failed");
        assertThat(receiver.on("/gone")).hasSize(1);
        assertThat(attempts("gone") - gone).isEqualTo(1);
    }

    @Test
    void retryAfterFromTheReceiverDelaysTheNextAttempt() {
        receiver.script("/busy", new Answer(503, Map.of("Retry-After", "1")));
        JsonNode webhook = createWebhook("/busy", "[]");

        publish("call-manager", "call_created", customer, Map.of("id", "c-5"));

        await().atMost(DEADLINE).until(() -> onlyDelivery(webhook).get("status").asString().equals("delivered"));
        List<Receiver.Request> posts = receiver.on("/busy");
        assertThat(posts).hasSize(2);
        // The schedule alone would retry after 200 ms; Retry-After asked for a second.
        assertThat(posts.get(1).receivedNanos() - posts.get(0).receivedNanos()).isGreaterThanOrEqualTo(1_000_000_000L);
    }

    @Test
    void eventsWithoutACustomerAreNotCustomerEventsAndBadDataNeverStopsTheConsumer() {
        createWebhook("/hook", "[]");

        publisher.send(topology.eventExchange(), new net.voipbin.rpc.envelope.Event("proxy_connected",
                "asterisk-proxy", java.time.Instant.now(), json.valueToTree(Map.of("customer_id", "not-a-uuid"))));
        publish("call-manager", "call_updated", customer, Map.of("id", "c-6"));

        await().atMost(DEADLINE).until(() -> receiver.on("/hook").size() == 1);
        assertThat(json.readTree(receiver.on("/hook").getFirst().body()).get("type").asString()).isEqualTo("call_updated");
    }

    @Test
    void aFailureNoticeIsNeverAboutAnotherFailureNoticeSoTwoDeadWebhooksCannotNotifyEachOtherForever() {
        createWebhook("/failures", "[\"webhook_delivery_failed\"]");
        String otherWebhook = UUID.randomUUID().toString();

        publish("webhook-manager", "webhook_delivery_failed", customer,
                Map.of("webhook_id", otherWebhook, "event_type", "webhook_delivery_failed", "status", "failed"));
        publish("webhook-manager", "webhook_delivery_failed", customer,
                Map.of("webhook_id", otherWebhook, "event_type", "call_created", "status", "failed"));

        await().atMost(DEADLINE).until(() -> !receiver.on("/failures").isEmpty());
        assertThat(receiver.on("/failures")).singleElement().satisfies(r -> assertThat(
                json.readTree(r.body()).get("data").get("event_type").asString()).isEqualTo("call_created"));
    }

    private JsonNode createWebhookAt(String url) {
        var response = net.voipbin.testsupport.Http.post(api("/webhooks"), token, "{\"url\":\"" + url + "\"}");
        assertThat(response.status()).isEqualTo(201);
        return json.readTree(response.body());
    }

    private JsonNode onlyDelivery(JsonNode webhook) {
        JsonNode result = get("/webhooks/" + webhook.get("id").asString() + "/deliveries").get("result");
        assertThat(result).hasSize(1);
        return result.get(0);
    }

    private JsonNode deliveryLog(JsonNode webhook) {
        UUID id = UUID.fromString(onlyDelivery(webhook).get("id").asString());
        return get("/webhooks/" + webhook.get("id").asString() + "/deliveries/" + id);
    }
}
