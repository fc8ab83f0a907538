package net.voipbin.asteriskproxy.ari;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.github.resilience4j.core.IntervalFunction;
import net.voipbin.asteriskproxy.ari.AriConnectionState.Status;
import net.voipbin.asteriskproxy.config.AsteriskProperties;
import net.voipbin.asteriskproxy.events.AriEventPublisher;
import net.voipbin.asteriskproxy.events.ProxyMetrics;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ARI events WebSocket, kept open for the life of the service with exponential backoff (capped)
 * between attempts. The JDK client ({@code java.net.http.WebSocket}) is used rather than Netty: the
 * proxy runs no Netty pipeline of its own, the JDK handles the handshake, fragmentation and ping
 * replies, and its demand-driven {@code request(1)} gives ordering and back-pressure for free (the
 * next frame is read only after the previous one is queued for publishing). Frames are handled by
 * {@link AriStreamListener}.
 */
public final class AriEventStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AriEventStream.class);
    private static final String NO_PONG = "no pong for ";

    private final AsteriskProperties properties;
    private final HttpClient http;
    private final AriRestClient rest;
    private final AriEventPublisher publisher;
    private final AriConnectionState state;
    private final ProxyMetrics metrics;
    private final JsonMapper json;
    private final Clock clock;
    /** Exponential from the initial backoff, doubled per failed attempt, capped, ±10 % so proxies do not reconnect in lockstep. */
    private final IntervalFunction reconnectDelays;
    private volatile int failedAttempts;
    private final CountDownLatch firstAttempt = new CountDownLatch(1);
    private volatile boolean running;
    private volatile WebSocket socket;
    private volatile long lastPong;
    /** Wall-clock ms of the last frame or pong of the current connection. */
    private volatile long lastHeardMillis;
    /** Whether the current connection got as far as announcing itself ({@code proxy_connected}). */
    private volatile boolean announced;
    /**
     * When the last announced connection dropped (the last moment Asterisk was heard on it); told with
     * the next {@code proxy_connected}, then forgotten. Null before the first drop: unknown.
     */
    private volatile Instant disconnectedAt;
    private Thread loop;

    public AriEventStream(AsteriskProperties properties, HttpClient http, AriRestClient rest,
            AriEventPublisher publisher, AriConnectionState state, ProxyMetrics metrics, JsonMapper json, Clock clock) {
        this.clock = clock;
        this.properties = properties;
        this.http = http;
        this.rest = rest;
        this.publisher = publisher;
        this.state = state;
        this.metrics = metrics;
        this.json = json;
        this.reconnectDelays = IntervalFunction.ofExponentialRandomBackoff(properties.reconnect().initialBackoff(), 2.0,
                0.1, properties.reconnect().maxBackoff());
    }

    private void run() {
        boolean first = true;
        while (running) {
            if (!first) {
                metrics.reconnect();
            }
            first = false;
            state.set(Status.CONNECTING, null);
            announced = false;
            String error = connectAndListen();
            if (announced) {
                disconnectedAt = error != null && error.startsWith(NO_PONG) ? Instant.ofEpochMilli(lastHeardMillis) : clock.instant();
            }
            firstAttempt.countDown();
            state.set(Status.DISCONNECTED, error);
            if (!running) {
                return;
            }
            Duration delay = Duration.ofMillis(reconnectDelays.apply(++failedAttempts));
            log.warn("ARI WebSocket {} closed ({}); reconnecting in {} ms", properties.eventsUri(), error, delay.toMillis());
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One connection, until it ends; returns why it ended. */
    private String connectAndListen() {
        AriStreamListener listener = new AriStreamListener(rest, publisher, metrics, json, new Callbacks(),
                properties.ignoredEvents());
        try {
            socket = http.newWebSocketBuilder()
                    .header("Authorization", properties.basicAuthorization())
                    .connectTimeout(properties.rest().connectTimeout())
                    .buildAsync(properties.eventsUri(), listener)
                    .get(properties.rest().connectTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
            return awaitClose(listener.closed());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return (e.getCause() != null ? e.getCause() : e).toString();
        } finally {
            WebSocket open = socket;
            if (open != null) {
                open.abort();
            }
        }
    }

    /**
     * Waits for the connection to end, pinging every {@code pingInterval}: a connection that stops
     * answering (a silently dead TCP path) is dropped after three unanswered pings and reconnected.
     */
    private String awaitClose(CompletableFuture<String> closed) throws InterruptedException, ExecutionException {
        Duration interval = properties.reconnect().pingInterval();
        lastPong = System.nanoTime();
        lastHeardMillis = clock.millis();
        while (true) {
            try {
                return closed.get(interval.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (System.nanoTime() - lastPong > interval.multipliedBy(3).toNanos()) {
                    return NO_PONG + interval.multipliedBy(3).toMillis() + " ms";
                }
                socket.sendPing(ByteBuffer.allocate(0));
            }
        }
    }

    private final class Callbacks implements AriStreamListener.Callbacks {
        @Override
        public Instant disconnectedAt() {
            return disconnectedAt;
        }

        @Override
        public void connected(int liveChannels) {
            announced = true;
            disconnectedAt = null;
            failedAttempts = 0;
            state.set(Status.CONNECTED, null);
            firstAttempt.countDown();
            log.info("ARI WebSocket {} connected; {} live channels", properties.eventsUri(), liveChannels);
        }

        @Override
        public void pong() {
            lastPong = System.nanoTime();
            lastHeardMillis = clock.millis();
        }

        @Override
        public void heard() {
            lastHeardMillis = clock.millis();
        }
    }

    /** Starts connecting; waits briefly for the first attempt so that a reachable Asterisk is UP at startup. */
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

    /**
     * Stops listening and says so ({@code proxy_disconnected}, after every event received): the proxy that
     * starts next cannot know when this one stopped, and call-manager reconciles its list as of then.
     */
    @Override
    public void stop() {
        running = false;
        WebSocket open = socket;
        if (open != null) {
            open.abort();
        }
        loop.interrupt();
        Instant stoppedListening = announced ? clock.instant() : disconnectedAt;
        if (stoppedListening != null) {
            try {
                publisher.publishProxyDisconnected(stoppedListening);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the publisher (phase 0), so every received event is still published. */
    @Override
    public int getPhase() {
        return 100;
    }
}
