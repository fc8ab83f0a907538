package net.voipbin.webhookmanager.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What one attempt came to. {@code statusCode} is null when no response came (timeout, refused
 * connection) or nothing was sent ({@code sent} false: the SSRF guard refused the address). An open
 * circuit is no attempt: the delivery waits in its endpoint's backlog.
 */
record AttemptResult(Instant at, boolean sent, Integer statusCode, long latencyMs, String error,
        Optional<Duration> retryAfter) {

    static AttemptResult notSent(Instant at, String error) {
        return new AttemptResult(at, false, null, 0, error, Optional.empty());
    }

    boolean delivered() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    /** Counts against the endpoint's circuit: no answer, a server error or "too many requests". */
    boolean endpointFailure() {
        return sent && (statusCode == null || statusCode >= 500 || statusCode == 429);
    }
}
