package net.voipbin.asteriskproxy.ari;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.voipbin.asteriskproxy.config.AsteriskProperties;
import net.voipbin.asteriskproxy.events.ProxyMetrics;
import net.voipbin.asterisksim.AsteriskSim;
import net.voipbin.asterisksim.SimConfig;
import net.voipbin.rpc.envelope.RpcResponse;
import net.voipbin.rpc.json.Json;

/**
 * ARI REST against the simulator: pass-through, 503 instead of a hang when Asterisk is away, and an event
 * filter that waits for Asterisk to register the application.
 */
class AriRestClientTest {

    private final AsteriskSim asterisk = AsteriskSim.start(SimConfig.defaults());
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CircuitBreaker breaker = CircuitBreaker.of("ari", CircuitBreakerConfig.custom()
            .slidingWindowSize(4).minimumNumberOfCalls(2).failureRateThreshold(50)
            .waitDurationInOpenState(Duration.ofMillis(200)).permittedNumberOfCallsInHalfOpenState(1).build());
    private final AsteriskProperties properties = properties(asterisk.baseUrl());
    private final AriRestClient client = new AriRestClient(properties, AriHttpClient.create(properties.rest()), breaker,
            new ProxyMetrics(registry), Json.newMapper());

    @AfterEach
    void stop() {
        asterisk.close();
    }

    @Test
    void asterisksStatusAndBodyComeBackUnchanged() {
        String channel = asterisk.placeInboundCall("+15551234", "1000");

        RpcResponse answered = client.execute("POST", "/ari/channels/" + channel + "/answer", null);
        RpcResponse missing = client.execute("DELETE", "/ari/channels/nope", null);
        RpcResponse variable = client.execute("POST", "/ari/channels/" + channel + "/variable",
                Json.newMapper().createObjectNode().put("variable", "FOO").put("value", "bar"));

        assertThat(answered.statusCode()).isEqualTo(204);
        assertThat(answered.data()).isNull();
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.data().toString()).isEqualTo("{\"message\":\"Channel not found\"}");
        assertThat(variable.statusCode()).isEqualTo(204);
        assertThat(asterisk.requests().getLast().body()).isEqualTo("{\"variable\":\"FOO\",\"value\":\"bar\"}");
        assertThat(registry.counter("asterisk.proxy.rest.calls", "status", "404").count()).isEqualTo(1);
    }

    @Test
    void anUnreachableAsteriskIs503AndTheCircuitOpensThenRecovers() {
        asterisk.stopServer();

        RpcResponse refused = client.execute("GET", "/ari/channels", null);
        client.execute("GET", "/ari/channels", null);
        RpcResponse open = client.execute("GET", "/ari/channels", null);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.data().get("error").asString()).isEqualTo("ari_unavailable");
        assertThat(refused.data().get("message").asString()).contains("unreachable");
        assertThat(open.statusCode()).isEqualTo(503);
        assertThat(open.data().get("message").asString()).contains("circuit open");

        asterisk.startServer();
        await().atMost(Duration.ofSeconds(5)).until(() -> client.execute("GET", "/ari/channels", null).statusCode() == 200);
    }

    @Test
    void anEventFilterSentBeforeAsteriskRegisteredTheAppIsSentAgainUntilItTakes() throws Exception {
        Thread filter = Thread.ofVirtual().start(() -> client.disallowEvents(List.of("ChannelVarset")));
        Thread.sleep(200);
        assertThat(filter.isAlive()).as("still waiting for the application").isTrue();

        HttpClient http = HttpClient.newHttpClient();
        WebSocket socket = http.newWebSocketBuilder().header("Authorization", properties.basicAuthorization())
                .buildAsync(URI.create(asterisk.eventsUrl()), new WebSocket.Listener() { }).join();
        filter.join(Duration.ofSeconds(5));

        assertThat(filter.isAlive()).isFalse();
        RpcResponse app = client.execute("GET", "/ari/applications/voipbin", null);
        assertThat(app.data().get("events_disallowed").toString()).contains("ChannelVarset");
        socket.abort();
        http.close();
    }

    @Test
    void onlyAriMethodsAreForwarded() {
        assertThat(client.execute("PATCH", "/ari/channels", null).statusCode()).isEqualTo(400);
        assertThat(asterisk.requests()).isEmpty();
    }

    private static AsteriskProperties properties(String url) {
        return new AsteriskProperties("ast-unit", URI.create(url), "asterisk", "asterisk", "voipbin", List.of("ChannelVarset"),
                new AsteriskProperties.Reconnect(Duration.ofMillis(100), Duration.ofSeconds(30), Duration.ofSeconds(10)),
                new AsteriskProperties.Rest(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMillis(200), 4));
    }
}
