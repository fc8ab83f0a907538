package net.voipbin.webhookmanager.delivery;

import java.time.Duration;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import net.voipbin.webhookmanager.config.WebhookProperties;

/**
 * One Resilience4j circuit breaker and one bulkhead per endpoint (its URL without the query): a dead or slow
 * endpoint trips its own breaker and fills its own bulkhead, and every other customer's deliveries
 * keep their workers.
 */
final class EndpointGuards {

    private final CircuitBreakerRegistry breakers;
    private final BulkheadRegistry bulkheads;

    EndpointGuards(WebhookProperties properties) {
        WebhookProperties.CircuitBreaker cb = properties.circuitBreaker();
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(cb.failureRate())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(cb.window())
                .minimumNumberOfCalls(cb.minimumCalls())
                .waitDurationInOpenState(cb.openFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordExceptions(EndpointFailure.class)
                .build());
        this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(properties.endpointConcurrency())
                .maxWaitDuration(Duration.ZERO)
                .build());
    }

    CircuitBreaker breaker(String endpoint) {
        return breakers.circuitBreaker(endpoint);
    }

    Bulkhead bulkhead(String endpoint) {
        return bulkheads.bulkhead(endpoint);
    }

    /** What the breaker records for a failed attempt (no stack trace: it is an outcome, not a bug). */
    static final class EndpointFailure extends RuntimeException {
        EndpointFailure(String message) {
            super(message, null, false, false);
        }
    }
}
