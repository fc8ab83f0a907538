package net.voipbin.apigateway.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** A customer's EventSource: every {@code data:} line of {@code GET /v1.0/events}, in arrival order. */
public final class SseClient implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final List<String> data = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile boolean connected;

    public SseClient(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        response = CLIENT.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(answer -> answer.body().forEach(line -> {
            if (line.equals(":connected")) {
                connected = true;
            } else if (line.startsWith("data:")) {
                data.add(line.substring("data:".length()));
            }
        }));
    }

    /** The answer's status, once its headers arrived. */
    public int status() {
        return response.orTimeout(15, java.util.concurrent.TimeUnit.SECONDS).join().statusCode();
    }

    /** Whether the gateway has registered the client (its first line). */
    public boolean connected() {
        return connected;
    }

    public List<String> data() {
        return data;
    }

    @Override
    public void close() {
        response.thenAccept(answer -> answer.body().close());
        response.cancel(true);
    }

    public static Duration deadline() {
        return Duration.ofSeconds(20);
    }
}
