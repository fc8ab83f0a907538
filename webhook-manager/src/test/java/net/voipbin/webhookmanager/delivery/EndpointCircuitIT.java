package net.voipbin.webhookmanager.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import net.voipbin.webhookmanager.Receiver;
import net.voipbin.webhookmanager.Receiver.Answer;
import net.voipbin.webhookmanager.WebhookManagerITBase;
import tools.jackson.databind.JsonNode;

/**
 * An endpoint's open circuit holds its deliveries back without spending their attempts: they wait for
 * the endpoint to be probed healthy, then follow at most endpoint-concurrency at a time. (The schedule
 * here has three attempts 200 ms apart; the circuit opens after ten failures and probes after 500 ms.)
 */
class EndpointCircuitIT extends WebhookManagerITBase {

    /** Well inside the two-minute lease: whatever arrives by then was not waiting for a lease to end. */
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final int ENDPOINT_CONCURRENCY = 32;

    @Test
    void aReceiverFailingEachDeliverysFirstTwoTriesGetsEveryDeliveryAtItsThirdTry() {
        Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();
        receiver.fallback(r -> Answer.of(
                tries.computeIfAbsent(r.header("webhook-id"), id -> new AtomicInteger()).incrementAndGet() <= 2 ? 500 : 200));
        JsonNode webhook = createWebhook("/third-try", "[]");
        int events = 20;

        for (int i = 0; i < events; i++) {
            publish("call-manager", "call_created", customer, Map.of("id", "third-try-" + i));
        }

        List<JsonNode> deliveries = await().atMost(DEADLINE).until(() -> deliveries(webhook),
                all -> all.size() == events && all.stream().noneMatch(d -> d.get("status").asString().equals("pending")));
        assertThat(deliveries).as("every delivery, none failed by its circuit")
                .allSatisfy(d -> assertThat(d.get("status").asString()).isEqualTo("delivered"))
                .allSatisfy(d -> assertThat(d.get("attempts").asInt()).isEqualTo(3));
        assertThat(tries).hasSize(events).allSatisfy((id, posts) -> assertThat(posts.get()).as(id).isEqualTo(3));
        assertThat(attemptLog(webhook, deliveries.getFirst())).extracting(a -> a.get("status_code").asInt())
                .containsExactly(500, 500, 200);
    }

    @Test
    void anEndpointThatRecoversGetsItsBacklogPromptlyNeverMoreAtOnceThanItsConcurrencyLimit() {
        AtomicBoolean down = new AtomicBoolean(true);
        receiver.latency(Duration.ofMillis(10));
        receiver.fallback(r -> Answer.of(down.get() ? 503 : 200));
        JsonNode webhook = createWebhook("/recovering", "[]");
        int firstWave = 12;
        int backlog = 80;

        for (int i = 0; i < firstWave; i++) {
            publish("call-manager", "call_created", customer, Map.of("id", "first-" + i));
        }
        // Ten failed tries on record: its circuit is open.
        await().atMost(DEADLINE).until(() -> deliveries(webhook).stream().filter(d -> d.get("attempts").asInt() > 0).count() >= 10);
        for (int i = 0; i < backlog; i++) {
            publish("call-manager", "call_created", customer, Map.of("id", "backlog-" + i));
        }
        await().atMost(DEADLINE).until(() -> deliveries(webhook).size() == firstWave + backlog);
        down.set(false);

        List<JsonNode> deliveries = await().atMost(DEADLINE).until(() -> deliveries(webhook),
                all -> all.stream().noneMatch(d -> d.get("status").asString().equals("pending")));
        Map<String, List<Receiver.Request>> posts = receiver.on("/recovering").stream()
                .collect(Collectors.groupingBy(r -> r.header("webhook-id")));
        // Delivered once it had recovered, unless the probes while it was down spent all three tries.
        assertThat(deliveries).allSatisfy(d -> {
            List<Receiver.Request> tries = posts.get(d.get("message_id").asString());
            assertThat(tries).as("every attempt on record reached the receiver").hasSize(d.get("attempts").asInt());
            if (d.get("status").asString().equals("failed")) {
                assertThat(tries).hasSize(3).allSatisfy(r -> assertThat(r.status()).isEqualTo(503));
            } else {
                assertThat(tries.getLast().status()).isEqualTo(200);
            }
        });
        assertThat(posts.values().stream().filter(tries -> eventId(tries.getFirst()).startsWith("backlog-")
                && tries.getLast().status() == 200)).as("the backlog, delivered").isNotEmpty();
        assertThat(receiver.maxConcurrent()).isLessThanOrEqualTo(ENDPOINT_CONCURRENCY);
    }

    private String eventId(Receiver.Request request) {
        return json.readTree(request.body()).get("data").get("id").asString();
    }

    private List<JsonNode> attemptLog(JsonNode webhook, JsonNode delivery) {
        return get("/webhooks/" + webhook.get("id").asString() + "/deliveries/" + delivery.get("id").asString())
                .get("attempt_log").valueStream().toList();
    }
}
