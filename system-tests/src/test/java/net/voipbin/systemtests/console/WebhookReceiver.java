package net.voipbin.systemtests.console;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/** A customer's webhook endpoint on loopback (local mode delivers there): answers 200, keeps each webhook-id. */
final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<String> webhookIds = new CopyOnWriteArrayList<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        WebhookReceiver receiver = new WebhookReceiver(server);
        server.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            receiver.webhookIds.add(String.valueOf(exchange.getRequestHeaders().getFirst("webhook-id")));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return receiver;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    int received() {
        return webhookIds.size();
    }

    List<String> webhookIds() {
        return List.copyOf(webhookIds);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
