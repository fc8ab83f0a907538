package net.voipbin.apigateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A service's HTTP edge as the gateway sees it: records every request and answers 200 with a small
 * JSON body naming the service; a path ending in {@code /missing} gets the fleet's 404, {@code /slow}
 * answers after {@link #SLOW}. It can be taken down and brought back on the same port.
 */
public final class ServiceStub implements AutoCloseable {

    public static final Duration SLOW = Duration.ofSeconds(15);

    /** What reached the service. */
    public record Received(String method, String path, String query, String authorization, String contentType,
            String body, String traceId) {
    }

    private final String name;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final int port;
    private HttpServer server;

    public ServiceStub(String name) {
        this.name = name;
        this.server = bind(0);
        this.port = server.getAddress().getPort();
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public List<Received> received() {
        return received;
    }

    public synchronized void down() {
        server.stop(0);
    }

    public synchronized void up() {
        server = bind(port);
    }

    @Override
    public synchronized void close() {
        server.stop(0);
    }

    private HttpServer bind(int onPort) {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 64);
            created.createContext("/", this::answer);
            created.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
            created.start();
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getRawPath();
        received.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"), body,
                exchange.getRequestHeaders().getFirst("X-Trace-Id")));
        if (path.endsWith("/slow")) {
            try {
                Thread.sleep(SLOW);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        boolean missing = path.endsWith("/missing");
        byte[] answer = (missing ? "{\"error\":\"not_found\",\"message\":\"no such thing\"}"
                : "{\"service\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("X-Served-By", name);
        // As every service: the trace id it was given (or its own) comes back.
        String trace = exchange.getRequestHeaders().getFirst("X-Trace-Id");
        exchange.getResponseHeaders().set("X-Trace-Id", trace == null ? "service-made" : trace);
        try {
            exchange.sendResponseHeaders(missing ? 404 : 200, answer.length);
            exchange.getResponseBody().write(answer);
        } catch (IOException e) {
            // The gateway gave up on a slow answer: nobody is reading.
        }
        exchange.close();
    }
}
