package net.voipbin.webhookmanager.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import net.voipbin.rpc.error.ApiException;
import net.voipbin.webhookmanager.signing.WebhookSigner;
import net.voipbin.webhookmanager.webhook.SsrfGuard;

/**
 * One signed HTTP POST of the stored payload bytes. Signed afresh for every attempt (new
 * {@code webhook-timestamp}), the same {@code webhook-id} every time. Never throws: every way an
 * attempt can end is an {@link AttemptResult}.
 */
final class DeliverySender {

    private static final int ERROR_BODY_CHARS = 256;

    private final HttpClient http;
    private final SsrfGuard guard;
    private final Duration readTimeout;
    private final Clock clock;

    DeliverySender(HttpClient http, SsrfGuard guard, Duration readTimeout, Clock clock) {
        this.http = http;
        this.guard = guard;
        this.readTimeout = readTimeout;
        this.clock = clock;
    }

    AttemptResult send(ClaimedDelivery delivery) {
        Instant at = clock.instant();
        URI uri;
        try {
            uri = guard.check(delivery.url());
        } catch (ApiException e) {
            return AttemptResult.notSent(at, "refused by the SSRF guard: " + e.getMessage());
        }
        long started = System.nanoTime();
        try {
            HttpResponse<InputStream> response = http.send(request(delivery, uri, at), HttpResponse.BodyHandlers.ofInputStream());
            long latency = (System.nanoTime() - started) / 1_000_000;
            String error = readBody(response);
            Optional<Duration> retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), at);
            return new AttemptResult(at, true, response.statusCode(), latency, error, retryAfter);
        } catch (HttpTimeoutException e) {
            return failed(at, started, "timeout after " + readTimeout.toMillis() + " ms");
        } catch (IOException e) {
            return failed(at, started, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(at, started, "interrupted (service stopping)");
        }
    }

    private HttpRequest request(ClaimedDelivery delivery, URI uri, Instant at) {
        long timestamp = at.getEpochSecond();
        WebhookSigner.Signatures signatures = WebhookSigner.sign(delivery.secrets(), delivery.messageId(), timestamp,
                delivery.payload());
        return HttpRequest.newBuilder(uri)
                .timeout(readTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "VoIPBIN-Webhooks/1.0")
                .header("X-VoIPBIN-Signature", signatures.voipbin())
                .header("webhook-id", delivery.messageId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signatures.standard())
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.payload()))
                .build();
    }

    /** Drains a 2xx body (keeps the connection reusable); keeps the start of any other body as the error. */
    private static String readBody(HttpResponse<InputStream> response) throws IOException {
        try (InputStream body = response.body()) {
            int code = response.statusCode();
            if (code >= 200 && code < 300) {
                byte[] sink = new byte[8192];
                long total = 0;
                for (int n; total < 64 * 1024 && (n = body.read(sink)) != -1; ) {
                    total += n;
                }
                return null;
            }
            String start = new String(body.readNBytes(ERROR_BODY_CHARS), StandardCharsets.UTF_8).strip();
            return "HTTP " + code + (start.isEmpty() ? "" : ": " + start);
        }
    }

    private AttemptResult failed(Instant at, long started, String error) {
        return new AttemptResult(at, true, null, (System.nanoTime() - started) / 1_000_000, error, Optional.empty());
    }
}
