package net.voipbin.webhookmanager.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.testsupport.Http;
import net.voipbin.webhookmanager.Receiver.Answer;
import net.voipbin.webhookmanager.WebhookManagerITBase;
import tools.jackson.databind.JsonNode;

/**
 * One customer's failing endpoint trips its own circuit; another customer's endpoint keeps getting
 * everything. The open circuit spares the failing endpoint without spending its deliveries' attempts:
 * each one fails only after all of its tries really reached the endpoint.
 */
class EndpointIsolationIT extends WebhookManagerITBase {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final int EVENTS = 15;

    @Test
    void aFailingEndpointTripsItsOwnCircuitWhileAnotherCustomersEndpointGetsEveryEvent() {
        receiver.fallback(request -> Answer.of(request.path().equals("/broken") ? 500 : 200));
        JsonNode broken = createWebhook("/broken", "[\"call_created\"]");
        UUID otherCustomer = UUID.randomUUID();
        Http.Response healthy = Http.post(api("/webhooks"), tokenFor(otherCustomer),
                "{\"url\":\"" + receiver.url("/healthy") + "\",\"event_types\":[\"call_created\"]}");
        assertThat(healthy.status()).isEqualTo(201);

        for (int i = 0; i < EVENTS; i++) {
            publish("call-manager", "call_created", customer, Map.of("id", "broken-" + i));
            publish("call-manager", "call_created", otherCustomer, Map.of("id", "healthy-" + i));
        }

        await().atMost(DEADLINE).until(() -> receiver.on("/healthy").size() == EVENTS);
        List<JsonNode> attempts = await().atMost(DEADLINE).until(() -> attemptsOf(broken),
                all -> all.size() == EVENTS * 3);
        assertThat(attempts).as("every attempt on record is an answer of the endpoint")
                .allSatisfy(a -> assertThat(a.path("status_code").asInt()).isEqualTo(500));
        assertThat(receiver.on("/broken")).as("POSTs that reached the failing endpoint").hasSize(attempts.size());
    }

    /** Every attempt of every delivery of the webhook, once all its deliveries have ended. */
    private List<JsonNode> attemptsOf(JsonNode webhook) {
        String base = "/webhooks/" + webhook.get("id").asString() + "/deliveries";
        List<JsonNode> attempts = new ArrayList<>();
        for (JsonNode delivery : get(base + "?page_size=100").get("result")) {
            if (!delivery.path("status").asString().equals("failed")) {
                return List.of();
            }
            get(base + "/" + delivery.get("id").asString()).get("attempt_log").forEach(attempts::add);
        }
        return attempts;
    }
}
