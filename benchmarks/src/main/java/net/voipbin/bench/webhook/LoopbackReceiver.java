package net.voipbin.bench.webhook;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import net.voipbin.bench.Latencies;

/**
 * A customer endpoint on loopback answering 200 to every request, over HTTP/1.1 keep-alive, one
 * virtual thread per connection. It is deliberately minimal: on a 2-core machine the receiver shares
 * the CPU with what is measured, and the JDK's HttpServer took a fifth of this JVM's time. For webhook
 * POSTs it reads the publisher's {@code sent_nanos} from the body and records event → POST latency.
 */
final class LoopbackReceiver implements AutoCloseable {

    private static final byte[] MARK = "\"sent_nanos\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OK = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BAD = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_HEAD = 16 * 1024;

    private final ServerSocket server;
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicLong lastNanos = new AtomicLong();
    private volatile Latencies latencies = new Latencies(1);

    LoopbackReceiver() throws IOException {
        server = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("receiver-accept").start(this::accept);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
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

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                Thread.ofVirtual().name("receiver-connection").start(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
                OutputStream out = socket.getOutputStream()) {
            for (Request request; (request = Request.read(in)) != null; ) {
                if (request.body == null) {
                    out.write(BAD);
                    return;
                }
                record(request.body);
                out.write(OK);
                out.flush();
                if (request.close) {
                    return;
                }
            }
        } catch (IOException e) {
            // The client went away: nothing to answer.
        }
    }

    private void record(byte[] body) {
        long now = System.nanoTime();
        long sent = sentNanos(body);
        if (sent != Long.MIN_VALUE) {
            latencies.add(now - sent);
        }
        lastNanos.accumulateAndGet(now, Math::max);
        received.incrementAndGet();
    }

    /** One request's body (null: no Content-Length, which this receiver refuses) and whether to close after it. */
    private record Request(byte[] body, boolean close) {

        /** The next request on the connection, or null at its end. */
        static Request read(InputStream in) throws IOException {
            String head = readHead(in);
            if (head == null) {
                return null;
            }
            int length = -1;
            boolean close = false;
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).trim();
                if (name.equals("content-length")) {
                    length = Integer.parseInt(value);
                } else if (name.equals("connection")) {
                    close = value.equalsIgnoreCase("close");
                }
            }
            return new Request(length < 0 ? null : in.readNBytes(length), close);
        }

        private static String readHead(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder(256);
            int matched = 0;
            for (int b; (b = in.read()) != -1; ) {
                head.append((char) b);
                matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                        ? matched + 1 : 0;
                if (matched == 4) {
                    return head.toString();
                }
                if (head.length() > MAX_HEAD) {
                    throw new IOException("request head too long");
                }
            }
            return null;
        }
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
    public void close() throws IOException {
        server.close();
    }
}
