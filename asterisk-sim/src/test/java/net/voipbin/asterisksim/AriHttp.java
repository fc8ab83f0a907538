package net.voipbin.asterisksim;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** A tiny ARI client for the simulator's tests: REST with basic auth and an events WebSocket. */
final class AriHttp {

    record Response(int status, String body) {
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AsteriskSim sim;
    private final String authorization;

    AriHttp(AsteriskSim sim) {
        this.sim = sim;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (sim.config().user() + ":" + sim.config().password()).getBytes(StandardCharsets.UTF_8));
    }

    Response get(String path) {
        return send("GET", path, null, authorization);
    }

    Response post(String path) {
        return send("POST", path, null, authorization);
    }

    Response post(String path, String json) {
        return send("POST", path, json, authorization);
    }

    Response put(String path, String json) {
        return send("PUT", path, json, authorization);
    }

    Response delete(String path) {
        return send("DELETE", path, null, authorization);
    }

    Response send(String method, String path, String json, String auth) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .timeout(Duration.ofSeconds(5))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        if (auth != null) {
            builder.header("Authorization", auth);
        }
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        }
    }

    /** Connects to the events WebSocket; frames land in the returned list as they arrive. */
    List<String> connectEvents(List<String> closed) {
        List<String> frames = new CopyOnWriteArrayList<>();
        client.newWebSocketBuilder()
                .header("Authorization", authorization)
                .buildAsync(URI.create(sim.eventsUrl()), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            frames.add(partial.toString());
                            partial.setLength(0);
                        }
                        socket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
                        closed.add("closed " + status);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket socket, Throwable error) {
                        closed.add("error " + error);
                    }
                }).join();
        return frames;
    }
}
