package net.voipbin.asteriskproxy.ari;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import net.voipbin.asteriskproxy.ari.AriConnectionState.Status;
import net.voipbin.asteriskproxy.config.AsteriskProperties;
import net.voipbin.asteriskproxy.events.AriEventPublisher;
import net.voipbin.asteriskproxy.events.ProxyMetrics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ARI events WebSocket, kept open for the life of the service with exponential backoff (capped)
 * between attempts. The JDK client is used rather than Netty: the proxy has no Netty pipeline of its
 * own to share, the JDK handles the handshake, fragmentation and pings, and its demand-driven
 * {@code request(1)} gives ordering and back-pressure for free: the next frame is read only after
 * the previous one is queued for publishing.
 *
 * <p>On every open, before the first frame is requested, the proxy reads {@code GET /ari/channels} and
 * queues {@code proxy_connected}: everything later on the stream is newer than that list.
 */
public final class AriEventStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AriEventStream.class);

    private final AsteriskProperties properties;
    private final HttpClient http;
    private final AriRestClient rest;
    private final AriEventPublisher publisher;
    private final AriConnectionState state;
    private final ProxyMetrics metrics;
    private final JsonMapper json;
    private final Backoff backoff;
    private final CountDownLatch firstAttempt = new CountDownLatch(1);
    private volatile boolean running;
    private volatile WebSocket socket;
    private Thread loop;

    public AriEventStream(AsteriskProperties properties, HttpClient http, AriRestClient rest,
            AriEventPublisher publisher, AriConnectionState state, ProxyMetrics metrics, JsonMapper json) {
        this.properties = properties;
        this.http = http;
        this.rest = rest;
        this.publisher = publisher;
        this.state = state;
        this.metrics = metrics;
        this.json = json;
        this.backoff = new Backoff(properties.reconnect().initialBackoff(), properties.reconnect().maxBackoff());
    }

    private void run() {
        boolean first = true;
        while (running) {
            if (!first) {
                metrics.reconnect();
            }
            first = false;
            state.set(Status.CONNECTING, null);
            String error = connectAndListen();
            firstAttempt.countDown();
            state.set(Status.DISCONNECTED, error);
            if (!running) {
                return;
            }
            Duration delay = backoff.next();
            log.warn("ARI WebSocket {} closed ({}); reconnecting in {} ms", properties.eventsUri(), error, delay.toMillis());
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One connection, until it closes; returns why it ended. */
    private String connectAndListen() {
        CompletableFuture<String> closed = new CompletableFuture<>();
        try {
            socket = http.newWebSocketBuilder()
                    .header("Authorization", properties.basicAuthorization())
                    .connectTimeout(properties.rest().connectTimeout())
                    .buildAsync(properties.eventsUri(), new Listener(closed))
                    .get(properties.rest().connectTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
            return closed.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return cause.toString();
        } finally {
            WebSocket open = socket;
            if (open != null) {
                open.abort();
            }
        }
    }

    private final class Listener implements WebSocket.Listener {

        private final CompletableFuture<String> closed;
        private final StringBuilder partial = new StringBuilder();

        Listener(CompletableFuture<String> closed) {
            this.closed = closed;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            try {
                List<String> channels = rest.channelIds();
                publisher.publishProxyConnected(channels);
                backoff.reset();
                state.set(Status.CONNECTED, null);
                firstAttempt.countDown();
                log.info("ARI WebSocket {} connected; {} live channels", properties.eventsUri(), channels.size());
                webSocket.request(1);
            } catch (Exception e) {
                log.warn("ARI connected but the channel snapshot failed: {}", e.getMessage());
                webSocket.abort();
                closed.complete("snapshot failed: " + e.getMessage());
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                forward(frame);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, java.nio.ByteBuffer data, boolean last) {
            if (last) {
                metrics.invalidFrame();
                log.warn("binary ARI frame skipped");
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete("closed " + statusCode + (reason.isEmpty() ? "" : " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(error.toString());
        }
    }

    /** A frame that is not a JSON object is logged and counted, never published; the connection stays up. */
    private void forward(String frame) {
        metrics.eventIn();
        JsonNode parsed;
        try {
            parsed = json.readTree(frame);
        } catch (RuntimeException e) {
            parsed = null;
        }
        if (parsed == null || !parsed.isObject()) {
            metrics.invalidFrame();
            log.warn("non-JSON ARI frame skipped: {}", frame.length() > 200 ? frame.substring(0, 200) + "..." : frame);
            return;
        }
        try {
            publisher.publishAriEvent(frame);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts connecting; waits briefly for the first attempt so a reachable Asterisk is UP at startup. */
    @Override
    public void start() {
        running = true;
        loop = Thread.ofVirtual().name("ari-events").start(this::run);
        try {
            firstAttempt.await(properties.rest().connectTimeout().toMillis() + 2_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        WebSocket open = socket;
        if (open != null) {
            open.abort();
        }
        loop.interrupt();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 100;
    }
}
