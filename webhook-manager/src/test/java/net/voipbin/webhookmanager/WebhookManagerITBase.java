package net.voipbin.webhookmanager;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import net.voipbin.rpc.auth.JwtTokens;
import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.event.EventPublisher;
import net.voipbin.rpc.topology.Topology;
import net.voipbin.testsupport.Http;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One webhook-manager on real PostgreSQL and RabbitMQ, shared by the IT classes that extend this (same
 * properties, one cached context), with the retry schedule compressed to 0 / 200 ms / 200 ms, an open
 * circuit probing its endpoint again after 500 ms, and loopback allowed by the SSRF guard. Each test
 * uses its own customer and its own receiver.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "voipbin.webhook.schedule=0ms,200ms,200ms",
        "voipbin.webhook.jitter=0",
        "voipbin.webhook.poll-interval=50ms",
        "voipbin.webhook.read-timeout=2s",
        "voipbin.webhook.retry-after-cap=10s",
        "voipbin.webhook.circuit-breaker.open-for=500ms",
        "voipbin.webhook.allowed-networks=127.0.0.0/8"})
public abstract class WebhookManagerITBase {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "webhook-manager");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected EventPublisher publisher;

    @Autowired
    protected Topology topology;

    @Autowired
    protected JsonMapper json;

    protected Receiver receiver;
    protected UUID customer;
    protected String token;

    @BeforeEach
    void customerAndReceiver() throws IOException {
        receiver = new Receiver();
        customer = UUID.randomUUID();
        token = tokenFor(customer);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    protected static String tokenFor(UUID customer) {
        return JwtTokens.mint(TestInfra.JWT_SECRET, customer, Duration.ofHours(1));
    }

    protected String api(String path) {
        return "http://127.0.0.1:" + port + "/v1.0" + path;
    }

    protected JsonNode createWebhook(String path, String eventTypesJson) {
        Http.Response response = Http.post(api("/webhooks"), token,
                "{\"url\":\"" + receiver.url(path) + "\",\"event_types\":" + eventTypesJson + ",\"description\":\"test\"}");
        if (response.status() != 201) {
            throw new AssertionError("create webhook: " + response);
        }
        return json.readTree(response.body());
    }

    /** Every delivery of the webhook, newest first (at most 100). */
    protected List<JsonNode> deliveries(JsonNode webhook) {
        return get("/webhooks/" + webhook.get("id").asString() + "/deliveries?page_size=100").get("result")
                .valueStream().toList();
    }

    protected JsonNode get(String path) {
        Http.Response response = Http.get(api(path), token);
        if (response.status() != 200) {
            throw new AssertionError("GET " + path + ": " + response);
        }
        return json.readTree(response.body());
    }

    /** An event as another service publishes it: the resource, carrying the customer. */
    protected void publish(String publisherName, String type, UUID customerId, Map<String, Object> fields) {
        Map<String, Object> data = new java.util.LinkedHashMap<>(fields);
        data.put("customer_id", customerId.toString());
        publisher.send(topology.eventExchange(), new Event(type, publisherName, Instant.now(), json.valueToTree(data)));
    }
}
