package net.voipbin.webhookmanager.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import net.voipbin.rpc.auth.JwtTokens;
import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.json.Json;
import net.voipbin.testsupport.Http;
import net.voipbin.testsupport.TestInfra;
import net.voipbin.webhookmanager.Receiver;
import net.voipbin.webhookmanager.WebhookManagerApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service stopped in the middle of the retry schedule and started again (as two instances on the
 * same schema and namespace): every pending attempt still happens, exactly once, and the events
 * published while it was down are delivered too. What it held back for a busy endpoint is handed back
 * when it stops.
 */
class RestartIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private final String schema = TestInfra.uniqueSchema("webhook-manager");
    private final String namespace = TestInfra.uniqueNamespace();
    private final UUID customer = UUID.randomUUID();
    private final String token = JwtTokens.mint(TestInfra.JWT_SECRET, customer, Duration.ofHours(1));
    private final JsonMapper json = Json.newMapper();
    private final AtomicBoolean receiverFailing = new AtomicBoolean(true);
    private Receiver receiver;

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aRestartMidScheduleLosesNoAttemptAndRepeatsNone() throws Exception {
        receiver = new Receiver();
        receiver.fallback(r -> Receiver.Answer.of(receiverFailing.get() ? 500 : 200));
        ConfigurableApplicationContext first = start();
        String webhookId;
        try {
            webhookId = createWebhook(port(first));
            for (int i = 0; i < 3; i++) {
                publish("before-" + i);
            }
            await().atMost(DEADLINE).until(() -> deliveries(port(first), webhookId).stream()
                    .filter(d -> d.get("attempts").asInt() == 1).count() == 3);
        } finally {
            first.close();
        }
        receiverFailing.set(false);
        publish("while-down-0");
        publish("while-down-1");

        ConfigurableApplicationContext second = start();
        ConfigurableApplicationContext third = start();
        try {
            await().atMost(DEADLINE).until(() -> deliveries(port(second), webhookId).stream()
                    .filter(d -> d.get("status").asString().equals("delivered")).count() == 5);
            Map<String, Long> postsPerMessage = receiver.on("/hook").stream()
                    .collect(Collectors.groupingBy(r -> r.header("webhook-id"), Collectors.counting()));
            assertThat(postsPerMessage).hasSize(5);
            assertThat(postsPerMessage.values()).containsExactlyInAnyOrder(2L, 2L, 2L, 1L, 1L);
            assertThat(deliveries(port(third), webhookId)).extracting(d -> d.get("attempts").asInt())
                    .containsExactlyInAnyOrder(2, 2, 2, 1, 1);
        } finally {
            second.close();
            third.close();
        }
    }

    @Test
    void whatABusyEndpointHeldBackIsSentByTheNextInstanceWithoutWaitingForItsLease() throws Exception {
        receiver = new Receiver();
        receiver.latency(Duration.ofMillis(300));
        ConfigurableApplicationContext first = start("--voipbin.webhook.endpoint-concurrency=1");
        String webhookId;
        try {
            webhookId = createWebhook(port(first));
            for (int i = 0; i < 20; i++) {
                publish("burst-" + i);
            }
            // One at a time: most of the burst is waiting its turn when the instance stops.
            await().atMost(DEADLINE).until(() -> deliveries(port(first), webhookId).size() == 20
                    && !receiver.on("/hook").isEmpty());
        } finally {
            first.close();
        }

        // The lease is two minutes; the deadline is well inside it.
        ConfigurableApplicationContext second = start();
        try {
            await().atMost(DEADLINE).until(() -> deliveries(port(second), webhookId).stream()
                    .filter(d -> d.get("status").asString().equals("delivered")).count() == 20);
            Map<String, Long> postsPerMessage = receiver.on("/hook").stream()
                    .collect(Collectors.groupingBy(r -> r.header("webhook-id"), Collectors.counting()));
            assertThat(postsPerMessage).hasSize(20).allSatisfy((id, posts) -> assertThat(posts).as(id).isEqualTo(1));
        } finally {
            second.close();
        }
    }

    private ConfigurableApplicationContext start(String... extraArguments) {
        var db = TestInfra.postgres();
        // Command-line arguments outrank application.yml (which names the production schema).
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--spring.datasource.hikari.schema=" + schema,
                "--spring.flyway.schemas=" + schema,
                "--spring.rabbitmq.addresses=" + TestInfra.rabbit().uri(),
                "--voipbin.amqp.namespace=" + namespace,
                "--voipbin.auth.jwt-secret=" + TestInfra.JWT_SECRET,
                "--voipbin.webhook.schedule=0ms,3s,3s",
                "--voipbin.webhook.jitter=0",
                "--voipbin.webhook.poll-interval=100ms",
                "--voipbin.webhook.allowed-networks=127.0.0.0/8"));
        arguments.addAll(List.of(extraArguments));
        return new SpringApplicationBuilder(WebhookManagerApplication.class).run(arguments.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private String createWebhook(int port) {
        Http.Response response = Http.post("http://127.0.0.1:" + port + "/v1.0/webhooks", token,
                "{\"url\":\"" + receiver.url("/hook") + "\"}");
        assertThat(response.status()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asString();
    }

    private List<JsonNode> deliveries(int port, String webhookId) {
        Http.Response response = Http.get("http://127.0.0.1:" + port + "/v1.0/webhooks/" + webhookId
                + "/deliveries?page_size=100", token);
        return json.readTree(response.body()).get("result").valueStream().toList();
    }

    /** As call-manager would: straight onto the event exchange, whether or not webhook-manager is running. */
    private void publish(String callId) throws Exception {
        Event event = new Event("call_created", "call-manager", Instant.now(),
                json.valueToTree(Map.of("id", callId, "customer_id", customer.toString())));
        try (Connection connection = TestInfra.rabbit().connectionFactory().newConnection();
                Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            channel.basicPublish(namespace + "bin-manager.event", event.routingKey(),
                    new AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(2).build(),
                    json.writeValueAsBytes(event));
            channel.waitForConfirmsOrDie(5000);
        }
    }

}
