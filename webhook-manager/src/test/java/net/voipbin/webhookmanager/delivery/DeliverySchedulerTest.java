package net.voipbin.webhookmanager.delivery;

import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.voipbin.webhookmanager.config.WebhookProperties;

/**
 * What a stopping scheduler does with the deliveries it holds leased without attempting them: each is
 * handed back (due now), so that the next instance sends it at once instead of after its two-minute
 * lease. The repositories are the seams; the endpoint guards, the backlog and the park writer are real.
 */
class DeliverySchedulerTest {

    private static final Duration LEASE = Duration.ofMinutes(2);

    private final DeliveryRepository deliveries = mock(DeliveryRepository.class);
    private final BacklogRepository parked = mock(BacklogRepository.class);
    private final EndpointGuards guards = new EndpointGuards(new Binder(new MapConfigurationPropertySource(Map.of(
            "voipbin.webhook.circuit-breaker.open-for", "1h")))
            .bindOrCreate("voipbin.webhook", WebhookProperties.class));
    private final BatchWriter<BacklogRepository.Park> parks = new BatchWriter<>("test-park",
            batch -> BatchWriter.Flushed.of(parked.parkAll(batch, LEASE)), 16, Duration.ZERO, 1);
    // Only the endpoint guards are reached: every delivery here is held back by its open circuit.
    private final DeliveryWorker worker = new DeliveryWorker(deliveries, null, null, guards, null, null, null,
            new SimpleMeterRegistry());
    private final DeliveryScheduler scheduler = new DeliveryScheduler(deliveries, worker, guards, parked, parks,
            Duration.ofHours(1), LEASE, 10, 8);
    private final ClaimedDelivery delivery = delivery();

    DeliverySchedulerTest() {
        when(parked.parkAll(any(), any())).thenAnswer(call -> new int[call.<List<?>>getArgument(0).size()]);
    }

    @AfterEach
    void closeWriter() {
        parks.close();
    }

    @Test
    void aDeliveryAnEndpointPullsBackWhileTheSchedulerStopsIsHandedBackNotLeftToItsLease() throws Exception {
        CountDownLatch claiming = new CountDownLatch(1);
        when(parked.claimParked(eq(delivery.endpoint()), anyInt(), eq(LEASE))).thenAnswer(call -> {
            claiming.countDown();
            // The claim commits just as the scheduler is told to stop.
            await().atMost(Duration.ofSeconds(10)).until(() -> !scheduler.isRunning());
            return List.of(delivery);
        });
        scheduler.start();
        guards.breaker(delivery.endpoint()).transitionToOpenState();
        scheduler.dispatch(List.of(delivery));
        verify(parked, timeout(5_000)).parkAll(any(), eq(LEASE));

        guards.breaker(delivery.endpoint()).transitionToClosedState();
        claiming.await(5, TimeUnit.SECONDS);
        scheduler.stop();

        verify(deliveries).handBack(List.of(delivery.id()));
    }

    @Test
    void whatAnOpenCircuitHeldBackIsMadeDueAtStop() {
        scheduler.start();
        guards.breaker(delivery.endpoint()).transitionToOpenState();
        scheduler.dispatch(List.of(delivery));
        verify(parked, timeout(5_000)).parkAll(any(), eq(LEASE));

        scheduler.stop();

        verify(parked).unparkAll(List.of(delivery.endpoint()));
        verify(parked, never()).claimParked(any(), anyInt(), any());
    }

    @Test
    void deliveriesTheIntakeLeasedAfterTheStopAreHandedBackInOneGo() {
        ClaimedDelivery other = delivery();
        scheduler.start();
        scheduler.stop();

        scheduler.dispatch(List.of(delivery, other));

        verify(deliveries).handBack(List.of(delivery.id(), other.id()));
    }

    private static ClaimedDelivery delivery() {
        return new ClaimedDelivery(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "msg_test", "call_created",
                new byte[0], 0, "https://example.com/hook", true, List.of());
    }
}
