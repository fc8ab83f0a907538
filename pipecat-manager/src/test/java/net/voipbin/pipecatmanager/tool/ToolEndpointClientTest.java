package net.voipbin.pipecatmanager.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import net.voipbin.contract.pipecatmanager.PipecatcallCreate.ToolEndpoint;
import net.voipbin.rpc.json.Json;
import net.voipbin.rpc.urlguard.UrlGuard;
import tools.jackson.databind.json.JsonMapper;

class ToolEndpointClientTest {

    private static final JsonMapper JSON = Json.newMapper();

    private HttpServer endpoint;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/tools", exchange -> {
            requests.incrementAndGet();
            byte[] answer = "{\"customer\":\"Ann\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        endpoint.start();
    }

    @AfterEach
    void stop() {
        endpoint.stop(0);
    }

    private ToolOutcome post(UrlGuard guard, String url) throws IOException {
        try (ToolEndpointClient client = new ToolEndpointClient(guard, JSON, Duration.ofSeconds(2))) {
            return client.post(new ToolEndpoint(url, "s3cret"), JSON.createObjectNode().put("function_name", "lookup_customer"));
        }
    }

    @Test
    void aPrivateEndpointIsRefusedWithTheRuleAsTheResultAndNeverContacted() throws IOException {
        ToolOutcome metadata = post(new UrlGuard(List.of()), "http://169.254.169.254/latest/meta-data");
        ToolOutcome loopback = post(new UrlGuard(List.of()), "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/tools");

        assertThat(metadata.success()).isFalse();
        assertThat(metadata.result().path("error").asString()).isEqualTo("tool_endpoint_refused");
        assertThat(metadata.result().path("message").asString())
                .isEqualTo("address 169.254.169.254 is link-local (169.254.0.0/16)");
        assertThat(loopback.result().path("message").asString()).isEqualTo("address 127.0.0.1 is loopback (127.0.0.0/8)");
        assertThat(requests).hasValue(0);
    }

    @Test
    void anAllowedNetworkIsReached() throws IOException {
        ToolOutcome outcome = post(new UrlGuard(List.of("127.0.0.0/8")),
                "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/tools");

        assertThat(outcome.success()).isTrue();
        assertThat(outcome.result().path("customer").asString()).isEqualTo("Ann");
    }

    @Test
    void aFailureSaysWhatHappenedNotWhichException() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        ToolOutcome outcome = post(new UrlGuard(List.of("127.0.0.0/8")), "http://127.0.0.1:" + closedPort + "/tools");

        assertThat(outcome.result().path("message").asString()).startsWith("tool endpoint unreachable: ")
                .doesNotContain("Exception");
    }
}
