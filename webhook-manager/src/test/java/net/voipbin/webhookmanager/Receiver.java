package net.voipbin.webhookmanager;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP endpoint on loopback, as a customer would run: records every request and answers per
 * path from a script (then by a default rule).
 */
public final class Receiver implements AutoCloseable {

    public record Request(String path, Headers headers, byte[] body, long receivedNanos) {
        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    public record Answer(int status, Map<String, String> headers) {
        public static Answer of(int status) {
            return new Answer(status, Map.of());
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, ConcurrentLinkedQueue<Answer>> scripts = new ConcurrentHashMap<>();
    private volatile Function<Request, Answer> fallback = r -> Answer.of(200);

    public Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Request request = new Request(exchange.getRequestURI().getPath(), exchange.getRequestHeaders(), body,
                    System.nanoTime());
            requests.add(request);
            ConcurrentLinkedQueue<Answer> script = scripts.get(request.path());
            Answer scripted = script == null ? null : script.poll();
            Answer answer = scripted != null ? scripted : fallback.apply(request);
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(answer.status(), -1);
            exchange.close();
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next answers on {@code path}, in order; then the fallback. */
    public void script(String path, Answer... answers) {
        scripts.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).addAll(List.of(answers));
    }

    public void fallback(Function<Request, Answer> rule) {
        this.fallback = rule;
    }

    public List<Request> on(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
