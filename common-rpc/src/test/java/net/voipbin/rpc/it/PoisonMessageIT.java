package net.voipbin.rpc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import com.jayway.jsonpath.JsonPath;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.GetResponse;

import net.voipbin.rpc.config.ConsumersHealthIndicator;
import net.voipbin.rpc.event.EventPublisher;
import net.voipbin.rpc.event.MessageSize;
import net.voipbin.rpc.topology.Topology;
import net.voipbin.testsupport.Http;
import net.voipbin.testsupport.PoisonMessages;
import net.voipbin.testsupport.TestInfra;

/**
 * Messages a consumer cannot take (bigger than the AMQP client's own 64 MiB limit, bigger than the fleet's
 * maximum, not JSON, JSON but no envelope, a type nobody handles) on the real broker: each is parked or
 * answered, the consumer goes on, and a publisher refuses to send an event over the maximum. The fleet's
 * maximum is lowered to 64 KiB here; the 70 MiB body stays under RabbitMQ's own limit (128 MiB on 3.x).
 */
class PoisonMessageIT {

    private static final String MAX = "65536";

    private static String namespace;
    private static ConfigurableApplicationContext sieve;
    private static ConfigurableApplicationContext publisher;

    @BeforeAll
    static void start() {
        namespace = TestInfra.uniqueNamespace();
        sieve = SampleServiceApp.start("sieve", namespace, WebApplicationType.NONE,
                "voipbin.events.max-size=" + MAX, "voipbin.rpc.max-request-size=" + MAX);
        publisher = SampleServiceApp.start("publisher-svc", namespace, WebApplicationType.NONE,
                "voipbin.events.max-size=" + MAX);
    }

    @AfterAll
    static void stop() {
        publisher.close();
        sieve.close();
    }

    @Test
    void anEventConsumerParksWhatItCannotTakeAndGoesOnWithTheNextEvent() throws Exception {
        String marker = UUID.randomUUID().toString();
        String exchange = sieve.getBean(Topology.class).eventExchange();
        try (Connection connection = PoisonMessages.bigMessageClient().newConnection(); Channel channel = connection.createChannel()) {
            String key = "publisher-svc.thing_created";
            channel.basicPublish(exchange, key, null, PoisonMessages.huge(marker));
            channel.basicPublish(exchange, key, null, bytes("not json " + marker));
            channel.basicPublish(exchange, key, null, bytes("{\"marker\":\"" + marker + "\"}"));
            channel.basicPublish(exchange, key, null, bytes("{\"type\":\"thing_renamed\",\"publisher\":\"publisher-svc\","
                    + "\"data\":{\"id\":\"" + marker + "\"}}"));
            channel.basicPublish(exchange, key, null, bytes("{\"type\":\"thing_created\",\"publisher\":\"publisher-svc\","
                    + "\"data\":{\"id\":\"after-" + marker + "\"}}"));

            await().atMost(Duration.ofSeconds(30)).until(() -> received("after-" + marker));
            List<String> errors = PoisonMessages.parkedErrors(channel, sieve.getBean(Topology.class).deadQueue("sieve"), marker, 3);
            // Parked as the consumers finish them, in any order.
            assertThat(errors).contains("oversize: " + (PoisonMessages.HUGE + marker.length()) + " bytes > " + MAX)
                    .anySatisfy(error -> assertThat(error).startsWith("unparsable event: Unrecognized token 'not'"))
                    .anySatisfy(error -> assertThat(error).startsWith("unparsable event: ").contains("type is required"));
            assertThat(received(marker)).as("an unknown type is ignored, not handled").isFalse();
        }
    }

    @Test
    void anRpcServerAnswersWhatItCannotTake400AndGoesOnServing() throws Exception {
        String queue = sieve.getBean(Topology.class).requestQueue("sieve");
        try (Connection connection = PoisonMessages.bigMessageClient().newConnection(); Channel channel = connection.createChannel()) {
            String replies = channel.queueDeclare().getQueue();
            request(channel, queue, replies, "huge", PoisonMessages.huge("x"));
            request(channel, queue, replies, "wrong-envelope", bytes("{\"hello\":1}"));
            request(channel, queue, replies, "greeting", bytes("{\"uri\":\"/v1/greetings/erin\",\"method\":\"GET\","
                    + "\"publisher\":\"test\"}"));

            Map<String, String> answers = new HashMap<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                GetResponse reply = channel.basicGet(replies, true);
                if (reply != null) {
                    answers.put(reply.getProps().getCorrelationId(), new String(reply.getBody(), StandardCharsets.UTF_8));
                }
                return answers.size() == 3;
            });
            assertThat(answers.get("huge")).contains("\"status_code\":400").contains("invalid_request")
                    .contains("request too large (oversize: " + (PoisonMessages.HUGE + 1) + " bytes > " + MAX + ")");
            assertThat(answers.get("wrong-envelope")).contains("\"status_code\":400").contains("uri is required");
            assertThat(answers.get("greeting")).contains("\"status_code\":200").contains("hello erin");
        }
    }

    @Test
    void aPublisherRefusesAnEventOverTheMaximumAndPublishesTheNextOne() {
        EventPublisher events = publisher.getBean(EventPublisher.class);
        String marker = UUID.randomUUID().toString();

        assertThatThrownBy(() -> events.publish("thing_created", Map.of("id", marker, "blob", "x".repeat(70_000))))
                .isInstanceOf(MessageSize.MessageTooLargeException.class)
                .hasMessageContaining("event publisher-svc.thing_created refused, oversize: ")
                .hasMessageContaining("> " + MAX);
        events.publish("thing_created", Map.of("id", "small-" + marker));

        await().atMost(Duration.ofSeconds(10)).until(() -> received("small-" + marker));
        assertThat(received(marker)).isFalse();
    }

    @Test
    void healthIsDownNamingTheQueueWhileAConsumerCannotConsumeAndUpWhenItIsBack() throws Exception {
        try (ConfigurableApplicationContext watched = SampleServiceApp.start("watched", namespace,
                WebApplicationType.SERVLET)) {
            String health = "http://127.0.0.1:" + watched.getEnvironment().getProperty("local.server.port")
                    + "/actuator/health";
            String queue = watched.getBean(Topology.class).requestQueue("watched");
            assertThat(Http.get(health, null).status()).isEqualTo(200);

            try (Connection connection = TestInfra.rabbit().connectionFactory().newConnection()) {
                occupyExclusively(connection, queue);

                await().atMost(Duration.ofSeconds(20)).until(() -> Http.get(health, null).status() == 503);
                String body = Http.get(health, null).body();
                assertThat((String) JsonPath.read(body, "$.status")).isEqualTo("DOWN");
                assertThat((String) JsonPath.read(body, "$.components.consumers.status")).isEqualTo("DOWN");
                assertThat((String) JsonPath.read(body, "$.components.rabbit.status")).as("the broker is fine").isEqualTo("UP");
            }

            await().atMost(Duration.ofSeconds(20)).until(() -> Http.get(health, null).status() == 200);
            assertThat(watched.getBean(ConsumersHealthIndicator.class).health().getDetails().get(queue))
                    .asString().startsWith("consuming (");
        }
    }

    /**
     * The service's consumers lose the queue (deleted, which cancels them) and cannot have it back: the test
     * declares it again and holds it with an exclusive consumer before the service's consumers return.
     */
    private static void occupyExclusively(Connection connection, String queue) throws Exception {
        for (int attempt = 0; attempt < 10; attempt++) {
            Channel channel = connection.createChannel();
            try {
                channel.queueDelete(queue);
                channel.queueDeclare(queue, true, false, false, null);
                channel.basicConsume(queue, true, "occupier", false, true, null, new DefaultConsumer(channel));
                return;
            } catch (java.io.IOException e) {
                // The service's consumers were back first: the exclusive consume was refused; try again.
            }
        }
        throw new AssertionError("could not take " + queue + " from the service's consumers");
    }

    private static void request(Channel channel, String queue, String replies, String id, byte[] body) throws Exception {
        channel.basicPublish("", queue, new AMQP.BasicProperties.Builder().replyTo(replies).correlationId(id).build(), body);
    }

    private static boolean received(String id) {
        return sieve.getBean(SampleServiceApp.Inbox.class).received.stream()
                .anyMatch(event -> event.data().path("id").asString().equals(id));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
