package net.voipbin.rpc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import net.voipbin.rpc.client.RpcClient;
import net.voipbin.rpc.client.RpcErrorException;
import net.voipbin.rpc.client.RpcTimeoutException;
import net.voipbin.rpc.envelope.RpcResponse;
import net.voipbin.rpc.topology.Topology;
import net.voipbin.testsupport.TestInfra;

/** RPC between two real services over the real broker. */
class RpcRoundTripIT {

    private static String namespace;
    private static ConfigurableApplicationContext server;
    private static ConfigurableApplicationContext caller;

    @BeforeAll
    static void start() {
        namespace = TestInfra.uniqueNamespace();
        server = SampleServiceApp.start("greeter", namespace, WebApplicationType.NONE);
        caller = SampleServiceApp.start("caller", namespace, WebApplicationType.NONE);
    }

    @AfterAll
    static void stop() {
        caller.close();
        server.close();
    }

    private RpcClient client() {
        return caller.getBean(RpcClient.class);
    }

    private String greeterQueue() {
        return caller.getBean(Topology.class).requestQueue("greeter");
    }

    @Test
    void roundTripsWithPathVariablesAndTypedResults() {
        @SuppressWarnings("unchecked")
        Map<String, String> answer = client().call(greeterQueue(), "GET", "/v1/greetings/alice", null, Map.class);

        assertThat(answer).containsEntry("greeting", "hello alice");

        RpcResponse created = client().send(greeterQueue(), "POST", "/v1/greetings", Map.of("name", "bob"));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.data().get("greeting").asString()).isEqualTo("hi bob");
    }

    @Test
    void worksWithAReplyQueuePerClientOnBrokersWithoutDirectReplyTo() {
        try (ConfigurableApplicationContext plainCaller = SampleServiceApp.start("plain-caller", namespace,
                WebApplicationType.NONE, "voipbin.rpc.reply-mode=queue")) {
            @SuppressWarnings("unchecked")
            Map<String, String> answer = plainCaller.getBean(RpcClient.class)
                    .call(greeterQueue(), "GET", "/v1/greetings/dave", null, Map.class);

            assertThat(answer).containsEntry("greeting", "hello dave");
        }
    }

    @Test
    void linesLoggedWhileHandlingARequestNameTheServiceThatHandlesIt() {
        @SuppressWarnings("unchecked")
        Map<String, String> answer = client().call(greeterQueue(), "GET", "/v1/logged-as", null, Map.class);

        assertThat(answer).containsEntry("service", "greeter");
    }

    @Test
    void aRequestWhoseDeadlinePassedIsNotAnsweredAndTheServerKeepsServing() throws Exception {
        try (Connection connection = TestInfra.rabbit().connectionFactory().newConnection();
                Channel channel = connection.createChannel()) {
            String replies = channel.queueDeclare().getQueue();
            byte[] request = "{\"uri\": \"/v1/greetings/late\", \"method\": \"GET\", \"publisher\": \"test\"}"
                    .getBytes(StandardCharsets.UTF_8);
            channel.basicPublish("", greeterQueue(), new AMQP.BasicProperties.Builder().replyTo(replies)
                    .correlationId("late-1").headers(Map.of(RpcClient.DEADLINE_HEADER,
                            System.currentTimeMillis() - 1_000)).build(), request);
            channel.basicPublish("", greeterQueue(), new AMQP.BasicProperties.Builder().replyTo(replies)
                    .correlationId("in-time-1").headers(Map.of(RpcClient.DEADLINE_HEADER,
                            System.currentTimeMillis() + 5_000)).build(), request);

            var reply = awaitMessage(channel, replies);
            assertThat(reply.getProps().getCorrelationId()).isEqualTo("in-time-1");
            assertThat(new String(reply.getBody(), StandardCharsets.UTF_8)).contains("hello late");
            org.awaitility.Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                    .until(() -> channel.basicGet(replies, true) == null);
        }
    }

    @Test
    void failsFastWith503WhenTheCalleeQueueDoesNotExist() {
        assertThatThrownBy(() -> client().send(namespace + "bin-manager.ghost.request", "GET", "/v1/x", null))
                .isInstanceOfSatisfying(net.voipbin.rpc.error.ApiException.class, e -> assertThat(e.status()).isEqualTo(503));
    }

    @Test
    void answersUnknownRoutes404AndWrongMethods405() {
        assertThat(client().send(greeterQueue(), "GET", "/v1/nowhere", null).statusCode()).isEqualTo(404);
        assertThat(client().send(greeterQueue(), "DELETE", "/v1/greetings/alice", null).statusCode()).isEqualTo(405);
    }

    @Test
    void turnsAValidationFailureIntoA400NamingTheField() {
        assertThatThrownBy(() -> client().call(greeterQueue(), "POST", "/v1/greetings", Map.of("name", " "), Map.class))
                .isInstanceOfSatisfying(RpcErrorException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errorBody().field()).isEqualTo("name");
                });
    }

    @Test
    void turnsAHandlerExceptionIntoA500WithTheErrorBody() {
        RpcResponse response = client().send(greeterQueue(), "POST", "/v1/explode", null);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.data().get("error").asString()).isEqualTo("internal_error");
        assertThat(response.data().get("message").asString()).isEqualTo("internal error in POST /v1/explode");
    }

    @Test
    void failsWithATypedTimeoutWhenNobodyServesTheQueue() throws Exception {
        String orphan = namespace + "bin-manager.nobody.request";
        TestInfra.rememberQueue(orphan);
        try (Connection connection = TestInfra.rabbit().connectionFactory().newConnection();
                Channel channel = connection.createChannel()) {
            channel.queueDeclare(orphan, true, false, false, null);
        }

        assertThatThrownBy(() -> client().send(orphan, "GET", "/v1/anything", null, Duration.ofMillis(300)))
                .isInstanceOfSatisfying(RpcTimeoutException.class, e -> assertThat(e.status()).isEqualTo(504));
    }

    @Test
    void answersMalformedJson400AndKeepsServing() throws Exception {
        try (Connection connection = TestInfra.rabbit().connectionFactory().newConnection();
                Channel channel = connection.createChannel()) {
            String replies = channel.queueDeclare().getQueue();
            AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                    .replyTo(replies).correlationId("garbage-1").build();
            channel.basicPublish("", greeterQueue(), properties, "{not json".getBytes(StandardCharsets.UTF_8));

            var reply = awaitMessage(channel, replies);
            assertThat(reply.getProps().getCorrelationId()).isEqualTo("garbage-1");
            assertThat(new String(reply.getBody(), StandardCharsets.UTF_8))
                    .contains("\"status_code\":400").contains("invalid_request");
        }

        @SuppressWarnings("unchecked")
        Map<String, String> after = client().call(greeterQueue(), "GET", "/v1/greetings/carol", null, Map.class);
        assertThat(after).containsEntry("greeting", "hello carol");
    }

    private static com.rabbitmq.client.GetResponse awaitMessage(Channel channel, String queue) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            com.rabbitmq.client.GetResponse response = channel.basicGet(queue, true);
            if (response != null) {
                return response;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no reply on " + queue);
    }
}
