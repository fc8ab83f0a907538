package net.voipbin.apigateway.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import net.voipbin.apigateway.support.GatewayITBase;
import net.voipbin.apigateway.support.SseClient;
import net.voipbin.apigateway.support.WsClient;
import tools.jackson.databind.JsonNode;

/** Events published on the real bus with the fleet's envelope, as a customer's live clients see them. */
class LiveEventsIT extends GatewayITBase {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @Autowired
    private EventHub hub;

    private final UUID customer = UUID.randomUUID();
    private final String token = tokenFor(customer);

    @Test
    void aClientReceivesItsCustomersEventsInOrderAsTheWebhookBodyShowsThem() {
        try (SseClient client = sse("", token)) {
            IntStream.range(0, 50).forEach(seq -> publish("call-manager", "call_updated", customer,
                    Map.of("id", "c1", "seq", seq)));

            await().atMost(DEADLINE).until(() -> client.data().size() == 50);
            List<JsonNode> events = client.data().stream().map(json::readTree).toList();
            assertThat(events).extracting(event -> event.get("data").get("seq").asInt())
                    .containsExactlyElementsOf(IntStream.range(0, 50).boxed().toList());
            JsonNode first = events.get(0);
            assertThat(first.propertyNames()).containsExactlyInAnyOrder("type", "timestamp", "data");
            assertThat(first.get("type").asString()).isEqualTo("call_updated");
            assertThat(first.get("data").get("customer_id").asString()).isEqualTo(customer.toString());
        }
    }

    @Test
    void anotherCustomersClientReceivesNoneOfThem() {
        UUID other = UUID.randomUUID();
        try (SseClient mine = sse("", token); WsClient theirs = ws("", tokenFor(other))) {
            await().atMost(DEADLINE).until(() -> hub.connected(other) == 1);
            IntStream.range(0, 10).forEach(seq -> publish("call-manager", "call_created", customer, Map.of("id", "c" + seq)));
            publish("call-manager", "call_created", other, Map.of("id", "theirs"));

            await().atMost(DEADLINE).until(() -> theirs.messages().size() == 1 && mine.data().size() == 10);
            assertThat(json.readTree(theirs.messages().get(0)).get("data").get("id").asString()).isEqualTo("theirs");
            assertThat(mine.data()).noneMatch(event -> event.contains("theirs"));
        }
    }

    @Test
    void typeAndResourceFiltersLetThroughOnlyWhatTheClientAskedFor() {
        String callId = UUID.randomUUID().toString();
        try (SseClient byType = sse("?type=call_*,queuecall_waiting", token);
                SseClient byId = sse("?resource=" + callId, token);
                SseClient byResource = sse("?resource=queuecalls", token)) {
            publish("call-manager", "call_created", customer, Map.of("id", callId));
            publish("call-manager", "call_hungup", customer, Map.of("id", "other-call"));
            publish("queue-manager", "queuecall_created", customer, Map.of("id", "q1"));
            publish("agent-manager", "agent_updated", customer, Map.of("id", "a1"));
            // Matches every filter: once each client has it, each has everything it will get.
            publish("queue-manager", "queuecall_waiting", customer, Map.of("id", callId));

            await().atMost(DEADLINE).until(() -> last(byType).equals("queuecall_waiting")
                    && last(byId).equals("queuecall_waiting") && last(byResource).equals("queuecall_waiting"));
            assertThat(types(byType)).containsExactly("call_created", "call_hungup", "queuecall_waiting");
            assertThat(types(byId)).containsExactly("call_created", "queuecall_waiting");
            assertThat(types(byResource)).containsExactly("queuecall_created", "queuecall_waiting");
        }
    }

    @Test
    void aWebSocketClientNarrowsItsStreamWithVoipbinsSubscribeMessage() {
        try (WsClient client = ws("?token=" + token, null)) {
            client.send("{\"type\":\"subscribe\",\"topics\":[\"customer_id:" + customer + ":call:*\"]}");
            // Messages are handled in order: once this one is refused, the subscription above holds.
            client.send("{\"type\":\"subscribe\",\"topics\":[\"customer_id:" + UUID.randomUUID() + ":call:*\"]}");
            await().atMost(DEADLINE).until(() -> client.messages().size() == 1);
            JsonNode refusal = json.readTree(client.messages().get(0));
            assertThat(refusal.get("type").asString()).isEqualTo("error");
            assertThat(refusal.get("message").asString()).startsWith("topic names another customer");

            publish("queue-manager", "queuecall_waiting", customer, Map.of("id", "q1"));
            publish("call-manager", "call_answered", customer, Map.of("id", "c1"));

            await().atMost(DEADLINE).until(() -> client.messages().size() == 2);
            assertThat(json.readTree(client.messages().get(1)).get("type").asString()).isEqualTo("call_answered");
        }
    }

    @Test
    void aClientWithoutAValidTokenIsRefusedWith401() {
        try (SseClient none = sse("", null); SseClient forged = sse("", token + "x")) {
            assertThat(none.status()).isEqualTo(401);
            assertThat(forged.status()).isEqualTo(401);
        }
        assertThat(WsClient.refusal(wsUrl(""), null)).isInstanceOfSatisfying(WebSocketHandshakeException.class,
                refused -> assertThat(refused.getResponse().statusCode()).isEqualTo(401));
        assertThat(WsClient.refusal(wsUrl("?token=" + token + "x"), null))
                .isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        refused -> assertThat(refused.getResponse().statusCode()).isEqualTo(401));
    }

    @Test
    void aSlowClientIsClosedAsTooSlowAndDoesNotStallAnother() {
        // 16 MB in all: more than the socket buffers between the gateway and a client that reads nothing.
        String padding = "x".repeat(16 * 1024);
        try (WsClient slow = WsClient.openSlow(wsUrl(""), token); WsClient fast = ws("", token)) {
            await().atMost(DEADLINE).until(() -> hub.connected(customer) == 2);
            IntStream.range(0, 1000).forEach(seq -> publish("call-manager", "call_updated", customer,
                    Map.of("id", "c1", "seq", seq, "padding", padding)));

            await().atMost(Duration.ofSeconds(60)).until(() -> fast.messages().size() == 1000);
            assertThat(fast.messages()).extracting(message -> json.readTree(message).get("data").get("seq").asInt())
                    .containsExactlyElementsOf(IntStream.range(0, 1000).boxed().toList());
            assertThat(slow.messages().size()).isLessThan(1000);

            slow.resume();
            await().atMost(DEADLINE).until(() -> slow.closeCode() != -1);
            assertThat(slow.closeCode()).isEqualTo(1008);
            assertThat(slow.closeReason()).startsWith("client too slow");
            assertThat(fast.closeCode()).isEqualTo(-1);
        }
    }

    private SseClient sse(String query, String bearer) {
        SseClient client = new SseClient(base() + "/v1.0/events" + query, bearer);
        if (bearer != null && !bearer.endsWith("x")) {
            await().atMost(DEADLINE).until(client::connected);
        }
        return client;
    }

    private WsClient ws(String query, String headerToken) {
        return WsClient.open(wsUrl(query), headerToken);
    }

    private String wsUrl(String query) {
        return "ws://127.0.0.1:" + port + "/v1.0/events/ws" + query;
    }

    private List<String> types(SseClient client) {
        return client.data().stream().map(event -> json.readTree(event).get("type").asString()).toList();
    }

    private String last(SseClient client) {
        List<String> types = types(client);
        return types.isEmpty() ? "" : types.get(types.size() - 1);
    }
}
