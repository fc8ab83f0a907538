package net.voipbin.local.daemon;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import net.voipbin.local.status.StatusReport;
import net.voipbin.rpc.json.Json;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running process's control port on loopback: {@code GET /status} answers a {@link StatusReport};
 * {@code POST /stop} starts the orderly stop (services, then simulator, broker and database) and
 * answers at once. A signal cannot give that order: the broker and PostgreSQL's client library each
 * register a JVM shutdown hook of their own, and hooks run all at once.
 */
final class ControlServer implements AutoCloseable {

    private static final JsonMapper JSON = Json.newMapper();

    private final HttpServer server;

    private ControlServer(HttpServer server) {
        this.server = server;
    }

    static ControlServer start(int port, Supplier<StatusReport> status, Runnable stop) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/status", exchange -> {
                try (exchange) {
                    if (!"GET".equals(exchange.getRequestMethod())) {
                        send(exchange, 405, "{\"error\":\"method_not_allowed\"}".getBytes());
                        return;
                    }
                    send(exchange, 200, JSON.writeValueAsBytes(status.get()));
                }
            });
            server.createContext("/stop", exchange -> {
                try (exchange) {
                    if (!"POST".equals(exchange.getRequestMethod())) {
                        send(exchange, 405, "{\"error\":\"method_not_allowed\"}".getBytes());
                        return;
                    }
                    stop.run();
                    send(exchange, 202, "{\"stopping\":true}".getBytes());
                }
            });
            server.start();
            return new ControlServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on control port " + port, e);
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
