package net.voipbin.webhookmanager.delivery;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import net.voipbin.contract.webhookmanager.WebhookDelivery;
import net.voipbin.contract.webhookmanager.WebhookManagerEvents;
import net.voipbin.rpc.event.EventPublisher;
import net.voipbin.webhookmanager.webhook.WebhookService;

/**
 * Runs one attempt of a claimed delivery through its endpoint's bulkhead and breaker, and records what
 * follows. A delivery the endpoint cannot take now is handed back, not attempted.
 */
final class DeliveryWorker {

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
    private static final CompletableFuture<Boolean> ATTEMPTED = CompletableFuture.completedFuture(true);
    private static final CompletableFuture<Boolean> HELD_BACK = CompletableFuture.completedFuture(false);

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliveryRepository repository;
    private final BatchWriter<DeliveryRepository.Completion> completions;
    private final DeliverySender sender;
    private final EndpointGuards guards;
    private final RetryPolicy policy;
    private final WebhookService webhooks;
    private final EventPublisher events;
    private final Executor followUps = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<RetryPolicy.Outcome, Counter> attempts = new EnumMap<>(RetryPolicy.Outcome.class);
    private final Counter heldBack;

    /** @param meters counts attempts by outcome ({@code voipbin_webhook_attempts_total}) and those held back */
    DeliveryWorker(DeliveryRepository repository, BatchWriter<DeliveryRepository.Completion> completions,
            DeliverySender sender, EndpointGuards guards, RetryPolicy policy,
            WebhookService webhooks, EventPublisher events, MeterRegistry meters) {
        for (RetryPolicy.Outcome outcome : RetryPolicy.Outcome.values()) {
            attempts.put(outcome, Counter.builder("voipbin.webhook.attempts").description("webhook delivery attempts")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(meters));
        }
        heldBack = Counter.builder("voipbin.webhook.held.back")
                .description("deliveries parked because their endpoint's circuit was open or its slots full").register(meters);
        this.repository = repository;
        this.completions = completions;
        this.sender = sender;
        this.guards = guards;
        this.policy = policy;
        this.webhooks = webhooks;
        this.events = events;
    }

    /**
     * Attempts the delivery; the stage completes with true when its outcome is committed, or at once with
     * false when its endpoint cannot take it now (circuit open, or its concurrency reached): that is no
     * attempt, and the caller parks it. With {@code permitHeld} the caller has already taken a permit of
     * the endpoint's bulkhead for it. The calling thread is free once the HTTP exchange is over: the
     * outcome joins the next group commit.
     */
    CompletableFuture<Boolean> process(ClaimedDelivery delivery, boolean permitHeld) {
        Bulkhead bulkhead = guards.bulkhead(delivery.endpoint());
        if (!delivery.active()) {
            if (permitHeld) {
                bulkhead.onComplete();
            }
            repository.cancel(delivery.id());
            log.info("delivery {} cancelled: webhook {} disabled or deleted", delivery.id(), delivery.webhookId());
            return ATTEMPTED;
        }
        if (!permitHeld && !bulkhead.tryAcquirePermission()) {
            heldBack.increment();
            return HELD_BACK;
        }
        CircuitBreaker breaker = guards.breaker(delivery.endpoint());
        if (!breaker.tryAcquirePermission()) {
            bulkhead.releasePermission();
            heldBack.increment();
            return HELD_BACK;
        }
        AttemptResult result;
        try {
            result = attempt(delivery, breaker);
        } finally {
            // Tells the endpoint's backlog that a slot is free.
            bulkhead.onComplete();
        }
        return record(delivery, result).thenApply(recorded -> true);
    }

    private AttemptResult attempt(ClaimedDelivery delivery, CircuitBreaker breaker) {
        AttemptResult result = sender.send(delivery);
        if (!result.sent()) {
            breaker.releasePermission();
        } else if (result.endpointFailure()) {
            breaker.onError(result.latencyMs(), TimeUnit.MILLISECONDS, new EndpointGuards.EndpointFailure(result.error()));
        } else {
            breaker.onSuccess(result.latencyMs(), TimeUnit.MILLISECONDS);
        }
        return result;
    }

    private CompletableFuture<Void> record(ClaimedDelivery delivery, AttemptResult result) {
        int attempt = delivery.attemptNumber();
        RetryPolicy.Decision decision = policy.decide(attempt, result);
        attempts.get(decision.outcome()).increment();
        return completions.submit(new DeliveryRepository.Completion(delivery.id(), attempt, result, decision))
                .thenCompose(updated -> updated == 0 ? DONE : followUp(delivery, attempt, result, decision));
    }

    /** What the outcome leads to. Runs on the committing thread, so anything that writes goes elsewhere. */
    private CompletableFuture<Void> followUp(ClaimedDelivery delivery, int attempt, AttemptResult result,
            RetryPolicy.Decision decision) {
        return switch (decision.outcome()) {
            case DELIVERED -> {
                log.debug("delivery {} delivered at attempt {}", delivery.id(), attempt);
                yield DONE;
            }
            case RETRY -> {
                log.info("delivery {} attempt {} failed ({}), next in {} ms", delivery.id(), attempt, describe(result),
                        decision.delay().toMillis());
                yield DONE;
            }
            case GONE -> CompletableFuture.runAsync(() -> webhooks.disableGone(delivery.webhookId(), result.statusCode()),
                    followUps);
            case FAILED -> CompletableFuture.runAsync(
                    () -> repository.find(delivery.id()).ifPresent(failed -> failed(failed, result)), followUps);
        };
    }

    private void failed(WebhookDelivery delivery, AttemptResult result) {
        log.warn("delivery {} to webhook {} failed after {} attempts ({})", delivery.id(), delivery.webhookId(),
                delivery.attempts(), describe(result));
        try {
            events.publish(WebhookManagerEvents.WEBHOOK_DELIVERY_FAILED, delivery);
        } catch (RuntimeException e) {
            log.error("delivery {} failed but {} not published: {}", delivery.id(),
                    WebhookManagerEvents.WEBHOOK_DELIVERY_FAILED, e.getMessage());
        }
    }

    private static String describe(AttemptResult result) {
        return result.statusCode() != null ? "HTTP " + result.statusCode() : result.error();
    }
}
