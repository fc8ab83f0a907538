package net.voipbin.asteriskproxy.ari;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.voipbin.asteriskproxy.events.AriEventPublisher;
import net.voipbin.asteriskproxy.events.ProxyMetrics;
import net.voipbin.rpc.event.MessageSize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One connection's frames. On open, before the first frame is requested, it reads
 * {@code GET /ari/channels} and queues {@code proxy_connected}: everything later on the stream is newer
 * than that list. Then each complete text frame is queued for publishing before the next is
 * requested, which keeps arrival order. A frame that is not a JSON object is logged and counted,
 * never published, and the connection stays up.
 */
final class AriStreamListener implements WebSocket.Listener {

    private static final Logger log = LoggerFactory.getLogger(AriStreamListener.class);

    /** What the stream learns from its listener. */
    interface Callbacks {
        /** When the previous connection dropped, for {@code proxy_connected}; null when unknown. */
        java.time.Instant disconnectedAt();

        /** {@code proxy_connected} is queued: this connection is announced. */
        void connected(int liveChannels);

        void pong();

        /** A frame arrived: Asterisk was there. */
        void heard();
    }

    private final AriRestClient rest;
    private final AriEventPublisher publisher;
    private final ProxyMetrics metrics;
    private final JsonMapper json;
    private final Callbacks callbacks;
    private final List<String> ignoredEvents;
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();

    AriStreamListener(AriRestClient rest, AriEventPublisher publisher, ProxyMetrics metrics, JsonMapper json,
            Callbacks callbacks, List<String> ignoredEvents) {
        this.rest = rest;
        this.ignoredEvents = ignoredEvents;
        this.publisher = publisher;
        this.metrics = metrics;
        this.json = json;
        this.callbacks = callbacks;
    }

    /** Completes with the reason when the connection ends. */
    CompletableFuture<String> closed() {
        return closed;
    }

    /** The snapshot is a blocking REST call: it runs on its own virtual thread, frames wait unrequested. */
    @Override
    public void onOpen(WebSocket webSocket) {
        Thread.ofVirtual().name("ari-snapshot").start(() -> snapshot(webSocket));
    }

    private void snapshot(WebSocket webSocket) {
        try {
            rest.disallowEvents(ignoredEvents);
            List<String> channels = rest.channelIds();
            publisher.publishProxyConnected(channels, callbacks.disconnectedAt());
            callbacks.connected(channels.size());
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
            callbacks.heard();
            String frame = partial.toString();
            partial.setLength(0);
            forward(frame);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        if (last) {
            metrics.invalidFrame();
            log.warn("binary ARI frame skipped");
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        callbacks.pong();
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

    private void forward(String frame) {
        metrics.eventIn();
        Optional<JsonNode> event = JsonObjectFrame.parse(json, frame);
        if (event.isEmpty()) {
            metrics.invalidFrame();
            log.warn("non-JSON ARI frame skipped: {}", frame.length() > 200 ? frame.substring(0, 200) + "..." : frame);
            return;
        }
        try {
            publisher.publishAriEvent(frame, event.get());
        } catch (MessageSize.MessageTooLargeException e) {
            // Over voipbin.events.max-size: no consumer would take it; the next events of the channel go on.
            metrics.invalidFrame();
            log.warn("ARI event {} not forwarded: {}", event.get().path("type").asString(""), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
