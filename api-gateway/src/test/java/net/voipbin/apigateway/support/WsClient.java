package net.voipbin.apigateway.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A customer's WebSocket to {@code /v1.0/events/ws}: every text message in arrival order and how it was
 * closed. A slow one reads nothing after its first message until {@link #resume()}.
 */
public final class WsClient implements WebSocket.Listener, AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final boolean slow;
    private final WebSocket socket;
    private volatile int closeCode = -1;
    private volatile String closeReason;

    private WsClient(String url, String headerToken, boolean slow) {
        this.slow = slow;
        WebSocket.Builder builder = CLIENT.newWebSocketBuilder();
        if (headerToken != null) {
            builder.header("Authorization", "Bearer " + headerToken);
        }
        socket = builder.buildAsync(URI.create(url), this).orTimeout(15, TimeUnit.SECONDS).join();
    }

    public static WsClient open(String url, String headerToken) {
        return new WsClient(url, headerToken, false);
    }

    public static WsClient openSlow(String url, String headerToken) {
        return new WsClient(url, headerToken, true);
    }

    /** The handshake's failure, e.g. a 401, or null when it opened. */
    public static Throwable refusal(String url, String headerToken) {
        try {
            new WsClient(url, headerToken, false).close();
            return null;
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    public void resume() {
        socket.request(Long.MAX_VALUE);
    }

    public List<String> messages() {
        return messages;
    }

    public int closeCode() {
        return closeCode;
    }

    public String closeReason() {
        return closeReason;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(partial.toString());
            partial.setLength(0);
        }
        if (!slow || messages.isEmpty()) {
            webSocket.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode = statusCode;
        closeReason = reason;
        return null;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(failure -> null);
        }
        socket.abort();
    }
}
