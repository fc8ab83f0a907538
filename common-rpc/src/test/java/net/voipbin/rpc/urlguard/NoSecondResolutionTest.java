package net.voipbin.rpc.urlguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SchemePortResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.HttpClientConnectionOperator;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.junit.jupiter.api.Test;

/**
 * DNS rebinding: a name that answers a public address when checked and a private one when looked up
 * again. The guard's answer is the one connected to, so the second answer is never asked for.
 */
class NoSecondResolutionTest {

    /** Answers {@code first} to the first lookup and {@code later} to every one after it. */
    private static final class Rebinding implements HostResolver {
        final AtomicInteger lookups = new AtomicInteger();
        final InetAddress first;
        final InetAddress later;

        Rebinding(String first, String later) throws IOException {
            this.first = InetAddress.getByName(first);
            this.later = InetAddress.getByName(later);
        }

        @Override
        public InetAddress[] resolve(String host) {
            return new InetAddress[] {lookups.getAndIncrement() == 0 ? first : later};
        }
    }

    @Test
    void theClientConnectsToThePublicAddressTheGuardCheckedNeverToThePrivateOneALaterLookupWouldGive() throws Exception {
        Rebinding dns = new Rebinding("93.184.215.14", "10.0.0.5");
        List<SocketAddress> dialed = new CopyOnWriteArrayList<>();
        try (CloseableHttpClient http = recordingClient(new GuardedDnsResolver(new UrlGuard(List.of(), dns)), dialed)) {
            assertThatThrownBy(() -> http.execute(new HttpPost("http://customer.example/hook"), response -> null))
                    .isInstanceOf(ConnectException.class);
        }

        assertThat(dialed).containsExactly(new InetSocketAddress(InetAddress.getByName("93.184.215.14"), 80));
        assertThat(dns.lookups).hasValue(1);
    }

    /**
     * The same through the client the services use, on real sockets: 127.0.0.1 (allowed) stands for
     * the public address, 127.0.0.2 (loopback, not allowed) for the private one, each with a server.
     */
    @Test
    void theServicesClientReachesOnlyTheCheckedAddress() throws Exception {
        try (ServerSocket checked = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                ServerSocket inward = new ServerSocket(checked.getLocalPort(), 1, InetAddress.getByName("127.0.0.2"))) {
            Rebinding dns = new Rebinding("127.0.0.1", "127.0.0.2");
            UrlGuard guard = new UrlGuard(List.of("127.0.0.1/32"), dns);
            CompletableFuture<String> request = CompletableFuture.supplyAsync(() -> answer204(checked));
            CompletableFuture<Boolean> inwardContacted = CompletableFuture.supplyAsync(() -> accepts(inward));
            try (CloseableHttpClient http = GuardedHttpClients.create(guard, Duration.ofSeconds(2), Duration.ofSeconds(2), "test")) {
                int status = http.execute(new HttpPost("http://customer.example:" + checked.getLocalPort() + "/hook"),
                        response -> response.getCode());
                assertThat(status).isEqualTo(204);
            }
            assertThat(request.get(5, TimeUnit.SECONDS)).startsWith("POST /hook");
            inward.close();
            assertThat(inwardContacted.get(5, TimeUnit.SECONDS)).isFalse();
            assertThat(dns.lookups).hasValue(1);
        }
    }

    @Test
    void aRefusedHostIsNeverDialed() throws Exception {
        List<SocketAddress> dialed = new CopyOnWriteArrayList<>();
        try (CloseableHttpClient http = recordingClient(new GuardedDnsResolver(new UrlGuard(List.of())), dialed)) {
            assertThatThrownBy(() -> http.execute(new HttpPost("http://10.0.0.5/hook"), response -> null))
                    .isInstanceOf(UrlRefusedException.class).hasMessage("address 10.0.0.5 is private (10.0.0.0/8)");
        }
        assertThat(dialed).isEmpty();
    }

    /** Apache's own connection operator, with sockets that record where they were asked to connect and fail. */
    private static CloseableHttpClient recordingClient(DnsResolver resolver, List<SocketAddress> dialed) {
        PoolingHttpClientConnectionManagerBuilder builder = new PoolingHttpClientConnectionManagerBuilder() {
            @Override
            protected HttpClientConnectionOperator createConnectionOperator(SchemePortResolver ports, DnsResolver dns,
                    TlsSocketStrategy tls) {
                return new DefaultHttpClientConnectionOperator(proxy -> new Socket() {
                    @Override
                    public void connect(SocketAddress endpoint, int timeout) throws IOException {
                        dialed.add(endpoint);
                        throw new ConnectException("recorded, not connected");
                    }
                }, ports, dns, RegistryBuilder.<TlsSocketStrategy>create().build());
            }
        };
        return HttpClients.custom().setConnectionManager(builder.setDnsResolver(resolver).build())
                .disableAutomaticRetries().build();
    }

    private static String answer204(ServerSocket server) {
        try (Socket socket = server.accept(); InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                head.append((char) in.read());
            }
            out.write("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            return head.toString();
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static boolean accepts(ServerSocket server) {
        try (Socket ignored = server.accept()) {
            return true;
        } catch (IOException closedUnused) {
            return false;
        }
    }
}
