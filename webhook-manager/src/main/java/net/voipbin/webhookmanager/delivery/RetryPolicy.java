package net.voipbin.webhookmanager.delivery;

import java.time.Duration;
import java.util.List;
import java.util.function.DoubleSupplier;

import net.voipbin.webhookmanager.config.WebhookProperties;

/**
 * Decides what follows an attempt: 2xx delivered; 410 gone (the webhook is disabled); otherwise the
 * next attempt after the schedule's delay stretched by up to {@code jitter}, or after the receiver's
 * {@code Retry-After} (429/503) when that is longer, capped; after the last attempt, failed.
 */
final class RetryPolicy {

    enum Outcome { DELIVERED, RETRY, FAILED, GONE }

    record Decision(Outcome outcome, Duration delay) {
        String status() {
            return switch (outcome) {
                case DELIVERED -> "delivered";
                case RETRY -> "pending";
                case FAILED, GONE -> "failed";
            };
        }
    }

    private final List<Duration> schedule;
    private final double jitter;
    private final Duration retryAfterCap;
    private final DoubleSupplier random;

    RetryPolicy(WebhookProperties properties, DoubleSupplier random) {
        this.schedule = properties.schedule();
        this.jitter = properties.jitter();
        this.retryAfterCap = properties.retryAfterCap();
        this.random = random;
    }

    int maxAttempts() {
        return schedule.size();
    }

    /** The first attempt's delay (normally zero). */
    Duration firstDelay() {
        return schedule.getFirst();
    }

    Decision decide(int attemptNumber, AttemptResult result) {
        if (result.delivered()) {
            return new Decision(Outcome.DELIVERED, Duration.ZERO);
        }
        if (result.statusCode() != null && result.statusCode() == 410) {
            return new Decision(Outcome.GONE, Duration.ZERO);
        }
        if (attemptNumber >= schedule.size()) {
            return new Decision(Outcome.FAILED, Duration.ZERO);
        }
        Duration base = schedule.get(attemptNumber);
        Duration delay = base.plusMillis((long) (base.toMillis() * jitter * random.getAsDouble()));
        if (honoursRetryAfter(result)) {
            Duration wanted = result.retryAfter().get();
            Duration capped = wanted.compareTo(retryAfterCap) > 0 ? retryAfterCap : wanted;
            delay = capped.compareTo(delay) > 0 ? capped : delay;
        }
        return new Decision(Outcome.RETRY, delay);
    }

    private static boolean honoursRetryAfter(AttemptResult result) {
        Integer code = result.statusCode();
        return code != null && (code == 429 || code == 503) && result.retryAfter().isPresent();
    }
}
