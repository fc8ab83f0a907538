package net.voipbin.webhookmanager.delivery;

import java.time.Duration;
import java.util.function.Consumer;

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
 * keep their workers. It also says when an endpoint may take more: one of its sends ended (bulkhead
 * event), its open circuit half-opened after {@code open-for} (automatic transition: the probes) or
 * closed again.
 */
final class EndpointGuards {

    private final CircuitBreakerRegistry breakers;
    private final BulkheadRegistry bulkheads;
    private volatile Consumer<String> onRoom = endpoint -> { };

    EndpointGuards(WebhookProperties properties) {
        WebhookProperties.CircuitBreaker cb = properties.circuitBreaker();
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(cb.failureRate())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(cb.window())
                .minimumNumberOfCalls(cb.minimumCalls())
                .waitDurationInOpenState(cb.openFor())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(cb.probes())
                .recordExceptions(EndpointFailure.class)
                .build());
        this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(properties.endpointConcurrency())
                .maxWaitDuration(Duration.ZERO)
                .build());
        breakers.getEventPublisher().onEntryAdded(added -> added.getAddedEntry().getEventPublisher()
                .onStateTransition(event -> {
                    CircuitBreaker.State to = event.getStateTransition().getToState();
                    if (to == CircuitBreaker.State.HALF_OPEN || to == CircuitBreaker.State.CLOSED) {
                        onRoom.accept(event.getCircuitBreakerName());
                    }
                }));
        bulkheads.getEventPublisher().onEntryAdded(added -> added.getAddedEntry().getEventPublisher()
                .onCallFinished(event -> onRoom.accept(event.getBulkheadName())));
    }

    CircuitBreaker breaker(String endpoint) {
        return breakers.circuitBreaker(endpoint);
    }

    Bulkhead bulkhead(String endpoint) {
        return bulkheads.bulkhead(endpoint);
    }

    /**
     * Tells {@code listener} (quickly, on the thread that noticed) whenever an endpoint may take more
     * attempts than a moment ago.
     */
    void onRoom(Consumer<String> listener) {
        this.onRoom = listener;
    }

    /**
     * How many more attempts the endpoint takes now: none while its circuit is open; while half-open, the
     * probes not yet sent or answered; otherwise its free concurrency.
     */
    int room(String endpoint) {
        Bulkhead.Metrics bulkhead = bulkhead(endpoint).getMetrics();
        int free = bulkhead.getAvailableConcurrentCalls();
        CircuitBreaker breaker = breaker(endpoint);
        return switch (breaker.getState()) {
            case OPEN, FORCED_OPEN -> 0;
            case HALF_OPEN -> {
                int inFlight = bulkhead.getMaxAllowedConcurrentCalls() - free;
                int probesLeft = breaker.getCircuitBreakerConfig().getPermittedNumberOfCallsInHalfOpenState()
                        - breaker.getMetrics().getNumberOfBufferedCalls() - inFlight;
                yield Math.max(0, Math.min(free, probesLeft));
            }
            default -> free;
        };
    }

    /** What the breaker records for a failed attempt (no stack trace: it is an outcome, not a bug). */
    static final class EndpointFailure extends RuntimeException {
        EndpointFailure(String message) {
            super(message, null, false, false);
        }
    }
}
