package net.voipbin.flowmanager.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.sun.net.httpserver.HttpServer;

import net.voipbin.rpc.urlguard.UrlGuard;

/** fetch and webhook_send go through this: what the guard refuses is never contacted, and says why. */
class GuardedCustomerHttpTest {

    private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private HttpServer site;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startSite() throws IOException {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/ivr", exchange -> {
            requests.incrementAndGet();
            byte[] answer = "{\"actions\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        site.start();
    }

    @AfterEach
    void stopSite() {
        site.stop(0);
    }

    private String siteUrl() {
        return "http://127.0.0.1:" + site.getAddress().getPort() + "/ivr";
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            http://10.0.0.5:9/ivr                    | refused: address 10.0.0.5 is private (10.0.0.0/8)
            http://100.64.0.1/ivr                    | refused: address 100.64.0.1 is shared address space (CGNAT) (100.64.0.0/10)
            http://169.254.169.254/latest/meta-data  | refused: address 169.254.169.254 is link-local (169.254.0.0/16)
            http://[64:ff9b::a9fe:a9fe]/latest       | refused: address 64:ff9b::a9fe:a9fe embeds 169.254.169.254 (NAT64), which is link-local (169.254.0.0/16)
            file:///etc/passwd                       | refused: must be an http or https URL
            """)
    void aPrivateTargetIsRefusedWithTheRuleAsTheError(String url, String error) throws IOException {
        try (GuardedCustomerHttp http = new GuardedCustomerHttp(new UrlGuard(List.of()))) {
            assertThatThrownBy(() -> http.post(url, BODY, null, TIMEOUT))
                    .isInstanceOf(CustomerHttp.CustomerHttpException.class).hasMessage(error);
        }
    }

    @Test
    void loopbackIsRefusedUntilTheFleetSettingOrTheOlderSwitchAllowsIt() throws IOException {
        try (GuardedCustomerHttp http = new GuardedCustomerHttp(new UrlGuard(List.of()), false)) {
            assertThatThrownBy(() -> http.post(siteUrl(), BODY, null, TIMEOUT))
                    .hasMessage("refused: address 127.0.0.1 is loopback (127.0.0.0/8)");
        }
        assertThat(requests).hasValue(0);

        try (GuardedCustomerHttp http = new GuardedCustomerHttp(new UrlGuard(List.of("127.0.0.0/8")), false)) {
            assertThat(http.post(siteUrl(), BODY, "s3cret", TIMEOUT).ok()).isTrue();
        }
        try (GuardedCustomerHttp http = new GuardedCustomerHttp(new UrlGuard(List.of()), true)) {
            assertThat(new String(http.post(siteUrl(), BODY, null, TIMEOUT).body(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"actions\":[]}");
        }
        assertThat(requests).hasValue(2);
    }
}
