package net.voipbin.asteriskproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.jayway.jsonpath.JsonPath;

import net.voipbin.asteriskproxy.events.ProxyMetrics;
import net.voipbin.asterisksim.AsteriskSim;
import net.voipbin.asterisksim.RecordedRequest;
import net.voipbin.asterisksim.SimConfig;
import net.voipbin.rpc.client.RpcClient;
import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.envelope.RpcResponse;
import net.voipbin.rpc.json.Json;
import net.voipbin.rpc.topology.AriPartitions;
import net.voipbin.rpc.topology.Topology;
import net.voipbin.rpc.trace.Trace;
import net.voipbin.testsupport.Http;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.JsonNode;

/** The proxy between a simulated Asterisk and the real RabbitMQ. The outage test runs last. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AsteriskProxyIT {

    static final String ASTERISK_ID = "ast-it-1";
    static final AsteriskSim ASTERISK = AsteriskSim.start(SimConfig.defaults().withTimeScale(0.01));

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "asterisk-proxy");
        registry.add("voipbin.asterisk.ari-url", ASTERISK::baseUrl);
        registry.add("voipbin.asterisk.id", () -> ASTERISK_ID);
        registry.add("voipbin.asterisk.reconnect.initial-backoff", () -> "100ms");
        registry.add("voipbin.asterisk.reconnect.max-backoff", () -> "500ms");
        registry.add("voipbin.asterisk.rest.open-for", () -> "300ms");
    }

    static EventQueueProbe events;

    @Autowired
    Topology topology;

    @Autowired
    RpcClient rpc;

    @Autowired
    ProxyMetrics metrics;

    @LocalServerPort
    int port;

    @BeforeAll
    static void consume(@Autowired Topology topology) throws Exception {
        events = new EventQueueProbe(topology);
    }

    @AfterAll
    static void stop() throws Exception {
        events.close();
        ASTERISK.close();
    }

    @Test
    @Order(1)
    void eventTypesThePlatformIgnoresAreFilteredOutByAsteriskItself() {
        // The proxy sets the filter on connect, then reads the channel snapshot: once the snapshot was
        // asked for, the filter is in place (the context can be up before either).
        await().atMost(Duration.ofSeconds(10)).until(() -> ASTERISK.requests().stream()
                .anyMatch(r -> r.method().equals("GET") && r.path().equals("/ari/channels")));
        String channel = ASTERISK.placeInboundCall("+15551234", "1000");
        assertThat(rpc.send(topology.asteriskRequestQueue(ASTERISK_ID), "POST", "/ari/channels/" + channel + "/answer",
                null).statusCode()).isEqualTo(204);
        ASTERISK.hangupFromCaller(channel);
        List<String> emitted = ASTERISK.events().stream().filter(e -> e.contains(channel)).toList();
        assertThat(emitted).as("Asterisk reports RTP statistics of an answered call").anyMatch(e -> e.contains("\"ChannelVarset\""));

        List<String> forwarded = emitted.stream().filter(e -> !e.contains("\"ChannelVarset\"")).toList();
        List<EventQueueProbe.Received> received = events.await(r -> r.body().contains(channel), forwarded.size());
        assertThat(received).extracting(r -> r.envelope().at("/data/type").asString())
                .containsExactly("StasisStart", "ChannelStateChange", "ChannelHangupRequest", "StasisEnd", "ChannelDestroyed");
    }

    @Test
    @Order(1)
    void ariEventsArriveInOrderAndUnchangedWithTheirChannelsBucketAsRoutingKey() {
        String channel = ASTERISK.placeInboundCall("+15551234", "1000");
        ASTERISK.pressDigits(channel, "123");
        ASTERISK.hangupFromCaller(channel);
        List<String> sent = ASTERISK.events().stream().filter(e -> e.contains(channel)).toList();

        List<EventQueueProbe.Received> received = events.await(r -> r.body().contains(channel), sent.size());
        assertThat(received).hasSize(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            EventQueueProbe.Received message = received.get(i);
            assertThat(message.body()).as("event %d carries the ARI JSON byte for byte", i).contains("\"data\":" + sent.get(i) + ",");
            assertThat(message.envelope().get("type").asString()).isEqualTo("ari_event");
            assertThat(message.envelope().get("publisher").asString()).isEqualTo("asterisk-proxy");
            assertThat(message.envelope().get("asterisk_id").asString()).isEqualTo(ASTERISK_ID);
            assertThat(message.properties().getDeliveryMode()).isEqualTo(2);
            Event event = Json.newMapper().readValue(message.body(), Event.class);
            assertThat(event.data()).isEqualTo(Json.newMapper().readTree(sent.get(i)));
            assertThat(message.routingKey()).as("event %d is routed by its channel's bucket", i)
                    .isEqualTo(Integer.toString(AriPartitions.bucket(channel)));
            assertThat(String.valueOf(message.properties().getHeaders().get("trace_id"))).as("event %d carries the call's trace", i)
                    .isEqualTo(Trace.forKey(channel));
        }
        assertThat(received).extracting(r -> r.envelope().at("/data/type").asString())
                .startsWith("StasisStart", "ChannelDtmfReceived", "ChannelDtmfReceived", "ChannelDtmfReceived")
                .endsWith("ChannelHangupRequest", "StasisEnd", "ChannelDestroyed");
    }

    @Test
    @Order(2)
    void rpcCommandsReachAsteriskAndItsStatusAndBodyComeBack() {
        String channel = ASTERISK.placeInboundCall("+15551234", "1000");
        String queue = topology.asteriskRequestQueue(ASTERISK_ID);

        RpcResponse answer = rpc.send(queue, "POST", "/ari/channels/" + channel + "/answer", null);
        RpcResponse play = rpc.send(queue, "POST", "/ari/channels/" + channel + "/play?media=sound:hello-world&playbackId=pb-1", null);
        RpcResponse hangup = rpc.send(topology.asteriskCallRequestQueue(), "DELETE", "/ari/channels/" + channel + "?reason=normal", null);

        assertThat(answer.statusCode()).isEqualTo(204);
        assertThat(answer.data()).isNull();
        assertThat(play.statusCode()).isEqualTo(201);
        assertThat(play.data().get("id").asString()).isEqualTo("pb-1");
        assertThat(play.data().get("target_uri").asString()).isEqualTo("channel:" + channel);
        assertThat(play.data().get("state").asString()).isEqualTo("playing");
        assertThat(hangup.statusCode()).isEqualTo(204);
        assertThat(ASTERISK.requests()).extracting(RecordedRequest::uri).containsSubsequence(
                "/ari/channels/" + channel + "/answer",
                "/ari/channels/" + channel + "/play?media=sound:hello-world&playbackId=pb-1",
                "/ari/channels/" + channel + "?reason=normal");
    }

    @Test
    @Order(3)
    void anUnknownChannelPassesAsterisksNotFoundThrough() {
        RpcResponse response = rpc.send(topology.asteriskRequestQueue(ASTERISK_ID), "POST",
                "/ari/channels/does-not-exist/answer", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.data().toString()).isEqualTo("{\"message\":\"Channel not found\"}");
    }

    @Test
    @Order(4)
    void aNonJsonFrameIsSkippedAndLaterEventsFlow() {
        double invalidBefore = metrics.invalidFrames();
        double reconnectsBefore = metrics.reconnects();
        ASTERISK.injectRawFrame("this is not json {");
        String channel = ASTERISK.placeInboundCall("+15550000", "2000");

        events.await(r -> r.body().contains(channel), 1);
        assertThat(metrics.invalidFrames()).isEqualTo(invalidBefore + 1);
        assertThat(metrics.reconnects()).as("the connection stayed up").isEqualTo(reconnectsBefore);
        assertThat(events.matching(r -> r.body().contains("this is not json"))).isEmpty();
        assertThat(health().status()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void anEventOverTheFleetsMaximumSizeIsNotForwardedAndLaterEventsFlow() {
        double invalidBefore = metrics.invalidFrames();
        double reconnectsBefore = metrics.reconnects();
        String marker = "oversize-" + System.nanoTime();
        // A well-formed ARI event of 1.5 MB: over voipbin.events.max-size (1 MB), which no consumer would take.
        ASTERISK.injectRawFrame("{\"type\":\"ChannelUserevent\",\"eventname\":\"" + marker + "\",\"userevent\":{\"blob\":\""
                + "x".repeat(1_500_000) + "\"},\"channel\":{\"id\":\"" + marker + "\"}}");
        String channel = ASTERISK.placeInboundCall("+15550001", "2000");

        events.await(r -> r.body().contains(channel), 1);
        assertThat(metrics.invalidFrames()).isEqualTo(invalidBefore + 1);
        assertThat(metrics.reconnects()).as("the connection stayed up").isEqualTo(reconnectsBefore);
        assertThat(events.matching(r -> r.body().contains(marker))).isEmpty();
    }

    @Test
    @Order(5)
    void anAsteriskOutageIsDownAnd503ThenReconnectsWithTheLiveChannels() {
        String before = ASTERISK.placeInboundCall("+15551111", "1000");
        events.await(r -> r.body().contains(before), 1);
        // The first connect's proxy_connected may have gone out before the probe's bindings existed.
        int connectsSeen = events.matching(AsteriskProxyIT::isProxyConnected).size();
        Instant dropping = Instant.now();
        ASTERISK.stopServer();
        Instant dropped = Instant.now();

        await().atMost(Duration.ofSeconds(5)).until(() -> health().status() == 503);
        Instant noticed = Instant.now();
        assertThat((String) JsonPath.read(health().body(), "$.components.ari.status")).isEqualTo("DOWN");
        RpcResponse refused = rpc.send(topology.asteriskRequestQueue(ASTERISK_ID), "POST",
                "/ari/channels/" + before + "/answer", null, Duration.ofSeconds(3));
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.data().get("error").asString()).isEqualTo("ari_unavailable");
        assertThat(refused.data().get("message").asString()).contains("Asterisk ARI");

        ASTERISK.startServer();
        List<EventQueueProbe.Received> connected = events.await(AsteriskProxyIT::isProxyConnected, connectsSeen + 1);
        JsonNode data = connected.getLast().envelope().get("data");
        assertThat(data.get("asterisk_id").asString()).isEqualTo(ASTERISK_ID);
        assertThat(connected.getLast().routingKey()).isEqualTo(Integer.toString(AriPartitions.bucket(ASTERISK_ID)));
        assertThat(Json.newMapper().convertValue(data.get("channel_ids"), List.class))
                .containsExactlyInAnyOrderElementsOf(ASTERISK.channelIds()).contains(before);
        // A channel missing from the list ended no earlier than the drop, which the proxy tells.
        Instant disconnectedAt = Instant.parse(data.get("disconnected_at").asString());
        assertThat(disconnectedAt).isBetween(dropping.minusMillis(5), noticed.plusMillis(5));
        assertThat(Duration.between(dropped, disconnectedAt).abs()).isLessThan(Duration.ofMillis(500));
        await().atMost(Duration.ofSeconds(5)).until(() -> health().status() == 200);
        assertThat(metrics.reconnects()).isGreaterThanOrEqualTo(1);
    }

    private static boolean isProxyConnected(EventQueueProbe.Received received) {
        return received.envelope().get("type").asString().equals("proxy_connected");
    }

    private Http.Response health() {
        return Http.get("http://127.0.0.1:" + port + "/actuator/health", null);
    }
}
