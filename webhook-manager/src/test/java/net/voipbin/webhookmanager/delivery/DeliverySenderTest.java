package net.voipbin.webhookmanager.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import net.voipbin.rpc.urlguard.OutboundProperties;
import net.voipbin.rpc.urlguard.UrlGuard;
import net.voipbin.webhookmanager.Receiver;
import net.voipbin.webhookmanager.config.WebhookProperties;
import net.voipbin.webhookmanager.signing.WebhookSecret;

/** One attempt against real sockets on loopback, through the client webhook-manager builds. */
class DeliverySenderTest {

    @Test
    void aNetworkFailureIsDescribedForTheCustomerWithoutJavaNames() {
        assertThat(DeliverySender.describe(new java.net.ConnectException("Connection refused")))
                .isEqualTo("connection refused: Connection refused");
        assertThat(DeliverySender.describe(new java.net.UnknownHostException("hooks.example.invalid")))
                .isEqualTo("unknown host: hooks.example.invalid");
        assertThat(DeliverySender.describe(new javax.net.ssl.SSLHandshakeException("PKIX path building failed")))
                .startsWith("TLS failed");
        assertThat(DeliverySender.describe(new java.io.IOException())).isEqualTo("network error");
    }

    private static final byte[] PAYLOAD = "{\"type\":\"call_created\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void theGuardDecidesAtConnectionTimeSoABlockedAddressIsNeverContacted() throws Exception {
        try (Receiver receiver = new Receiver()) {
            AttemptResult refused = send(Map.of(), receiver.url("/hook"));
            assertThat(refused.sent()).isFalse();
            assertThat(refused.error())
                    .isEqualTo("refused by the SSRF guard: address 127.0.0.1 is loopback (127.0.0.0/8)");
            assertThat(receiver.on("/hook")).isEmpty();

            AttemptResult allowed = send(Map.of("voipbin.webhook.allowed-networks", "127.0.0.0/8"), receiver.url("/hook"));
            assertThat(allowed.delivered()).isTrue();
            assertThat(receiver.on("/hook")).hasSize(1);
            assertThat(receiver.on("/hook").getFirst().header("Content-Type")).isEqualTo("application/json");

            AttemptResult throughTheFleetSetting = send(Map.of("voipbin.outbound.allowed-networks", "127.0.0.1"),
                    receiver.url("/hook"));
            assertThat(throughTheFleetSetting.delivered()).isTrue();
        }
    }

    @Test
    void aPrivateTargetIsRefusedBeforeAnyConnectionNamingTheRule() throws Exception {
        AttemptResult refused = send(Map.of("voipbin.webhook.allowed-networks", "127.0.0.0/8"), "http://10.0.0.5:9/hook");

        assertThat(refused.sent()).isFalse();
        assertThat(refused.error()).isEqualTo("refused by the SSRF guard: address 10.0.0.5 is private (10.0.0.0/8)");
    }

    @Test
    void aHugeErrorBodyIsNotReadToItsEndOnlyItsStartIsKept() throws Exception {
        int bodyBytes = 64 * 1024 * 1024; // beyond what loopback socket buffers hold
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Boolean> wroteItAll = CompletableFuture.supplyAsync(() -> answerWithHugeBody(server, bodyBytes));
            AttemptResult result = send(Map.of("voipbin.webhook.allowed-networks", "127.0.0.0/8"),
                    "http://127.0.0.1:" + server.getLocalPort() + "/hook");

            assertThat(result.statusCode()).as(result.error()).isEqualTo(500);
            assertThat(result.error()).startsWith("HTTP 500: xxxx").hasSizeLessThan(300);
            assertThat(wroteItAll.get(10, TimeUnit.SECONDS)).as("the connection was dropped, not drained").isFalse();
        }
    }

    private static AttemptResult send(Map<String, String> settings, String url) throws IOException {
        WebhookProperties properties = new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("voipbin.webhook", WebhookProperties.class);
        // As the service wires it: the fleet's setting and this service's older one both count.
        OutboundProperties outbound = new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("voipbin.outbound", OutboundProperties.class);
        UrlGuard guard = outbound.guard().allowing(properties.allowedNetworks());
        try (CloseableHttpClient http = WebhookHttpClient.create(properties, guard)) {
            DeliverySender sender = new DeliverySender(http, properties.connectTimeout(), properties.readTimeout(),
                    Clock.systemUTC());
            return sender.send(new ClaimedDelivery(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "msg_1",
                    "call_created", PAYLOAD, 0, url, true, List.of(WebhookSecret.generate(new SecureRandom()))));
        }
    }

    /** Reads the request head, answers 500 with a body of x's; false when the client hung up before its end. */
    private static boolean answerWithHugeBody(ServerSocket server, int bodyBytes) {
        try (Socket socket = server.accept(); InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            for (int matched = 0, b; matched < 4 && (b = in.read()) != -1; ) {
                matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : 0;
            }
            out.write(("HTTP/1.1 500 Internal Server Error\r\nContent-Length: " + bodyBytes + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (int sent = 0; sent < bodyBytes; sent += chunk.length) {
                out.write(chunk);
            }
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
