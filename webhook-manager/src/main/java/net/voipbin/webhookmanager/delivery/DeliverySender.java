package net.voipbin.webhookmanager.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

import net.voipbin.rpc.urlguard.UrlGuard;
import net.voipbin.rpc.urlguard.UrlKind;
import net.voipbin.rpc.urlguard.UrlRefusedException;
import net.voipbin.webhookmanager.signing.WebhookSigner;

/**
 * One signed HTTP POST of the stored payload bytes. Signed afresh for every attempt (new
 * {@code webhook-timestamp}), the same {@code webhook-id} every time. Never throws: every way an
 * attempt can end is an {@link AttemptResult}.
 */
final class DeliverySender {

    private static final int ERROR_BODY_CHARS = 256;
    private static final int MAX_DRAINED = 64 * 1024;
    private static final ContentType JSON = ContentType.create("application/json");

    private final CloseableHttpClient http;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Clock clock;

    DeliverySender(CloseableHttpClient http, Duration connectTimeout, Duration readTimeout, Clock clock) {
        this.http = http;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.clock = clock;
    }

    AttemptResult send(ClaimedDelivery delivery) {
        Instant at = clock.instant();
        URI uri;
        try {
            uri = UrlGuard.parse(delivery.url(), UrlKind.HTTP);
        } catch (UrlRefusedException e) {
            return AttemptResult.notSent(at, "refused by the SSRF guard: " + e.getMessage());
        }
        long started = System.nanoTime();
        HttpPost request = request(delivery, uri, at);
        try {
            ClassicHttpResponse response = http.executeOpen(null, request, null);
            try {
                long latency = (System.nanoTime() - started) / 1_000_000;
                int code = response.getCode();
                String error = readBody(code, response.getEntity(), request);
                Header retryAfterHeader = response.getFirstHeader("Retry-After");
                Optional<Duration> retryAfter = RetryAfter.parse(retryAfterHeader == null ? null : retryAfterHeader.getValue(), at);
                return new AttemptResult(at, true, code, latency, error, retryAfter);
            } finally {
                closeQuietly(response);
            }
        } catch (UrlRefusedException e) {
            return AttemptResult.notSent(at, "refused by the SSRF guard: " + e.getMessage());
        } catch (ConnectTimeoutException e) {
            return failed(at, started, "connect timeout after " + connectTimeout.toMillis() + " ms");
        } catch (SocketTimeoutException e) {
            return failed(at, started, "timeout after " + readTimeout.toMillis() + " ms");
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
            return failed(at, started, "interrupted (service stopping)");
        } catch (IOException e) {
            return failed(at, started, describe(e));
        }
    }

    /** What went wrong on the network, in words a customer reading the attempt log can act on. */
    static String describe(IOException e) {
        String kind = switch (e) {
            case java.net.ConnectException c -> "connection refused";
            case java.net.UnknownHostException u -> "unknown host";
            case javax.net.ssl.SSLException ssl -> "TLS failed";
            case java.net.NoRouteToHostException n -> "no route to host";
            case org.apache.hc.core5.http.NoHttpResponseException n -> "the server closed the connection without answering";
            case java.net.SocketException so -> "connection failed";
            default -> "network error";
        };
        return e.getMessage() == null || e.getMessage().isBlank() ? kind : kind + ": " + e.getMessage();
    }

    private HttpPost request(ClaimedDelivery delivery, URI uri, Instant at) {
        long timestamp = at.getEpochSecond();
        WebhookSigner.Signatures signatures = WebhookSigner.sign(delivery.secrets(), delivery.messageId(), timestamp,
                delivery.payload());
        HttpPost post = new HttpPost(uri);
        post.setHeader("X-VoIPBIN-Signature", signatures.voipbin());
        post.setHeader("webhook-id", delivery.messageId());
        post.setHeader("webhook-timestamp", Long.toString(timestamp));
        post.setHeader("webhook-signature", signatures.standard());
        post.setEntity(new ByteArrayEntity(delivery.payload(), JSON));
        return post;
    }

    /**
     * Keeps the start of a non-2xx body as the error and drains the rest, so the connection goes back to
     * the pool. A body beyond 64 KiB is not read on: the request is aborted, which drops the connection
     * (closing the stream would read it to its end, however long).
     */
    private static String readBody(int code, HttpEntity entity, HttpPost request) throws IOException {
        boolean success = code >= 200 && code < 300;
        if (entity == null) {
            return success ? null : "HTTP " + code;
        }
        InputStream body = entity.getContent();
        String start = success ? null : new String(body.readNBytes(ERROR_BODY_CHARS), StandardCharsets.UTF_8).strip();
        if (drained(body)) {
            body.close();
        } else {
            request.abort();
        }
        return success ? null : "HTTP " + code + (start.isEmpty() ? "" : ": " + start);
    }

    private static boolean drained(InputStream body) throws IOException {
        byte[] sink = new byte[8192];
        for (long total = 0; total <= MAX_DRAINED; ) {
            int n = body.read(sink);
            if (n == -1) {
                return true;
            }
            total += n;
        }
        return false;
    }

    /** The answer is in hand; closing an aborted response fails, and only costs the connection anyway. */
    private static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException e) {
            // Nothing to report: the attempt's result does not depend on it.
        }
    }

    private AttemptResult failed(Instant at, long started, String error) {
        return new AttemptResult(at, true, null, (System.nanoTime() - started) / 1_000_000, error, Optional.empty());
    }
}
