package net.voipbin.bench.call;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A second ARI WebSocket client on the simulator: notes when each channel's {@code ChannelStateChange}
 * to Up (the platform's answer) is emitted, as seen from outside the fleet.
 */
final class AnswerWatch implements WebSocket.Listener, AutoCloseable {

    private static final Pattern UP = Pattern.compile(
            "\"type\":\"ChannelStateChange\".*?\"channel\":\\{\"id\":\"([^\"]+)\".*?\"state\":\"Up\"");

    private final Map<String, Long> answeredAt = new ConcurrentHashMap<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    AnswerWatch(String ariBaseUrl, String user, String password) {
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        URI uri = URI.create(ariBaseUrl.replace("http://", "ws://") + "/ari/events?app=voipbin&subscribeAll=true");
        socket = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Basic " + auth)
                .buildAsync(uri, this).join();
    }

    /** When the channel was answered (System.nanoTime), or null if not yet. */
    Long answeredAt(String channelId) {
        return answeredAt.get(channelId);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long now = System.nanoTime();
        partial.append(data);
        if (last) {
            Matcher matcher = UP.matcher(partial);
            if (matcher.find()) {
                answeredAt.putIfAbsent(matcher.group(1), now);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bench done");
    }
}
