package net.voipbin.apigateway.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import net.voipbin.apigateway.config.GatewayProperties;

/**
 * One Resilience4j limiter per customer, kept while the customer is active (a customer quiet for ten
 * minutes starts again with a full window). {@code burst} permits per window of {@code burst / rps}
 * seconds: a customer may spend the whole burst at once, and averages the configured rate.
 */
final class CustomerRateLimits {

    private final RateLimiterConfig config;
    private final Cache<String, AtomicRateLimiter> limiters = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();

    CustomerRateLimits(GatewayProperties.RateLimit limit) {
        long windowNanos = Duration.ofSeconds(1).toNanos() * limit.burst() / limit.requestsPerSecond();
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(limit.burst())
                .limitRefreshPeriod(Duration.ofNanos(Math.max(windowNanos, 1_000_000)))
                .timeoutDuration(Duration.ZERO)
                .build();
    }

    /** Takes a permit for {@code key}; empty when granted, else how long until the next one. */
    Decision acquire(String key) {
        AtomicRateLimiter limiter = limiters.get(key, name -> (AtomicRateLimiter) RateLimiter.of(name, config));
        if (limiter.acquirePermission()) {
            return Decision.GRANTED;
        }
        return new Decision(false, Duration.ofNanos(limiter.getDetailedMetrics().getNanosToWait()));
    }

    record Decision(boolean granted, Duration retryIn) {

        static final Decision GRANTED = new Decision(true, Duration.ZERO);

        /** {@code Retry-After} in whole seconds, at least one: a client retrying at once is refused again. */
        long retryAfterSeconds() {
            return Math.max(1, (retryIn.toMillis() + 999) / 1000);
        }
    }
}
