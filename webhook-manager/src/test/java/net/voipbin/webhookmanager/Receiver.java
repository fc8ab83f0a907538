package net.voipbin.webhookmanager;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP endpoint on loopback, as a customer would run: records every request with the status it
 * answered, per path from a script (then by a default rule), optionally taking a while over each, and
 * counts how many it was handling at once.
 */
public final class Receiver implements AutoCloseable {

    /** {@code status} is what the receiver answered (0 while the rule deciding it runs). */
    public record Request(String path, Headers headers, byte[] body, long receivedNanos, int status) {
        public String header(String name) {
            return headers.getFirst(name);
        }

        Request answered(int code) {
            return new Request(path, headers, body, receivedNanos, code);
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
    private volatile Duration latency = Duration.ZERO;
    private final AtomicInteger inProgress = new AtomicInteger();
    private final AtomicInteger maxInProgress = new AtomicInteger();

    public Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            Answer answer;
            maxInProgress.accumulateAndGet(inProgress.incrementAndGet(), Math::max);
            try {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                Request request = new Request(exchange.getRequestURI().getPath(), exchange.getRequestHeaders(), body,
                        System.nanoTime(), 0);
                ConcurrentLinkedQueue<Answer> script = scripts.get(request.path());
                Answer scripted = script == null ? null : script.poll();
                answer = scripted != null ? scripted : fallback.apply(request);
                // A receiver doing its work: the request holds its connection meanwhile.
                LockSupport.parkNanos(latency.toNanos());
                requests.add(request.answered(answer.status()));
            } finally {
                // Before the answer goes out: the sender may start its next request the moment it has the
                // answer, and that one is no overlap even if this thread has not yet got here.
                inProgress.decrementAndGet();
            }
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

    /** How long each request takes before its answer. */
    public void latency(Duration perRequest) {
        this.latency = perRequest;
    }

    /** The most requests this receiver was handling at one time. */
    public int maxConcurrent() {
        return maxInProgress.get();
    }

    public List<Request> on(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
