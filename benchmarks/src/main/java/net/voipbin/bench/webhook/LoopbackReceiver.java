package net.voipbin.bench.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

import net.voipbin.bench.Latencies;

/**
 * A customer endpoint on loopback answering 200 to everything. For webhook POSTs it reads the
 * publisher's {@code sent_nanos} from the body and records event → POST latency.
 */
final class LoopbackReceiver implements AutoCloseable {

    private static final byte[] MARK = "\"sent_nanos\":".getBytes(StandardCharsets.US_ASCII);

    private final HttpServer server;
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicLong lastNanos = new AtomicLong();
    private volatile Latencies latencies = new Latencies(1);

    LoopbackReceiver() throws IOException {
        // The JDK server closes idle keep-alive connections beyond 200 by default, and a client reusing
        // one at that moment sees EOF: a real receiver keeps them.
        System.setProperty("sun.net.httpserver.maxIdleConnections", "10000");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            long now = System.nanoTime();
            long sent = sentNanos(body);
            if (sent != Long.MIN_VALUE) {
                latencies.add(now - sent);
            }
            lastNanos.accumulateAndGet(now, Math::max);
            received.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Starts a new measurement of up to {@code capacity} deliveries. */
    void reset(int capacity) {
        latencies = new Latencies(capacity);
        received.set(0);
        lastNanos.set(0);
    }

    int received() {
        return received.get();
    }

    long lastNanos() {
        return lastNanos.get();
    }

    Latencies latencies() {
        return latencies;
    }

    private static long sentNanos(byte[] body) {
        outer:
        for (int i = 0; i <= body.length - MARK.length; i++) {
            for (int j = 0; j < MARK.length; j++) {
                if (body[i + j] != MARK[j]) {
                    continue outer;
                }
            }
            long value = 0;
            boolean negative = false;
            int k = i + MARK.length;
            if (k < body.length && body[k] == '-') {
                negative = true;
                k++;
            }
            for (; k < body.length && body[k] >= '0' && body[k] <= '9'; k++) {
                value = value * 10 + (body[k] - '0');
            }
            return negative ? -value : value;
        }
        return Long.MIN_VALUE;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
