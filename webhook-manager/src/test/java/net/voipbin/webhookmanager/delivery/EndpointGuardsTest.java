package net.voipbin.webhookmanager.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import net.voipbin.webhookmanager.config.WebhookProperties;

/** How much an endpoint may take, and when it says it may take more. */
class EndpointGuardsTest {

    private static final String ENDPOINT = "https://example.com:443/hook";

    private final EndpointGuards guards = new EndpointGuards(new Binder(new MapConfigurationPropertySource(Map.of(
            "voipbin.webhook.endpoint-concurrency", "4",
            "voipbin.webhook.circuit-breaker.probes", "3",
            "voipbin.webhook.circuit-breaker.open-for", "1h")))
            .bindOrCreate("voipbin.webhook", WebhookProperties.class));
    private final List<String> roomAt = new CopyOnWriteArrayList<>();

    @Test
    void aClosedCircuitTakesWhatItsBulkheadHasFreeAndSaysSoWhenASendEnds() {
        guards.onRoom(roomAt::add);
        Bulkhead bulkhead = guards.bulkhead(ENDPOINT);
        bulkhead.tryAcquirePermission();

        assertThat(guards.room(ENDPOINT)).isEqualTo(3);
        bulkhead.onComplete();
        assertThat(roomAt).containsExactly(ENDPOINT);
        assertThat(guards.room(ENDPOINT)).isEqualTo(4);
    }

    @Test
    void anOpenCircuitTakesNothingAndAHalfOpenOneOnlyTheProbesNotYetSent() {
        guards.onRoom(roomAt::add);
        CircuitBreaker breaker = guards.breaker(ENDPOINT);
        breaker.transitionToOpenState();
        assertThat(guards.room(ENDPOINT)).isZero();

        breaker.transitionToHalfOpenState();
        assertThat(roomAt).as("half-open: time to probe").containsExactly(ENDPOINT);
        assertThat(guards.room(ENDPOINT)).isEqualTo(3);
        guards.bulkhead(ENDPOINT).tryAcquirePermission();
        breaker.tryAcquirePermission();
        assertThat(guards.room(ENDPOINT)).as("one probe in flight").isEqualTo(2);

        breaker.onSuccess(1, TimeUnit.MILLISECONDS);
        guards.bulkhead(ENDPOINT).onComplete();
        assertThat(guards.room(ENDPOINT)).as("one probe answered").isEqualTo(2);
    }

    @Test
    void successfulProbesCloseTheCircuitAndSaySo() {
        CircuitBreaker breaker = guards.breaker(ENDPOINT);
        breaker.transitionToOpenState();
        breaker.transitionToHalfOpenState();
        guards.onRoom(roomAt::add);

        for (int i = 0; i < 3; i++) {
            assertThat(breaker.tryAcquirePermission()).isTrue();
            breaker.onSuccess(1, TimeUnit.MILLISECONDS);
        }

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(roomAt).containsExactly(ENDPOINT);
        assertThat(guards.room(ENDPOINT)).isEqualTo(4);
    }
}
