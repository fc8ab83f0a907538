package net.voipbin.webhookmanager.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import net.voipbin.webhookmanager.config.WebhookProperties;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-01-20T12:00:00Z");

    /** The defaults (the documented schedule) with {@code jitter}. */
    private static WebhookProperties properties(double jitter) {
        return new Binder(new MapConfigurationPropertySource(Map.of("voipbin.webhook.jitter", Double.toString(jitter))))
                .bindOrCreate("voipbin.webhook", WebhookProperties.class);
    }

    private static AttemptResult answered(int status, Optional<Duration> retryAfter) {
        return new AttemptResult(NOW, true, status, 5, null, retryAfter);
    }

    @Test
    void followsTheDocumentedScheduleThenFails() {
        RetryPolicy policy = new RetryPolicy(properties(0), () -> 0.5);
        AttemptResult failure = answered(500, Optional.empty());

        assertThat(List.of(1, 2, 3, 4).stream().map(n -> policy.decide(n, failure).delay()).toList())
                .containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2));
        assertThat(policy.decide(5, failure).outcome()).isEqualTo(RetryPolicy.Outcome.FAILED);
        assertThat(policy.decide(5, failure).status()).isEqualTo("failed");
    }

    @Test
    void jitterOnlyStretchesADelayByUpToItsFraction() {
        RetryPolicy policy = new RetryPolicy(properties(0.1), () -> 0.999);

        Duration delay = policy.decide(1, answered(502, Optional.empty())).delay();

        assertThat(delay).isBetween(Duration.ofMinutes(1), Duration.ofSeconds(66));
    }

    @Test
    void twoHundredsAreDeliveredAndGoneStopsAtOnce() {
        RetryPolicy policy = new RetryPolicy(properties(0), () -> 0);

        assertThat(policy.decide(1, answered(204, Optional.empty())).status()).isEqualTo("delivered");
        assertThat(policy.decide(1, answered(410, Optional.empty())).outcome()).isEqualTo(RetryPolicy.Outcome.GONE);
    }

    @Test
    void retryAfterOnTooManyRequestsOrUnavailableDelaysTheNextAttemptWithinTheCap() {
        RetryPolicy policy = new RetryPolicy(properties(0), () -> 0);

        assertThat(policy.decide(1, answered(429, Optional.of(Duration.ofMinutes(10)))).delay()).isEqualTo(Duration.ofMinutes(10));
        assertThat(policy.decide(1, answered(503, Optional.of(Duration.ofDays(3)))).delay()).isEqualTo(Duration.ofHours(2));
        assertThat(policy.decide(1, answered(503, Optional.of(Duration.ofSeconds(1)))).delay()).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.decide(1, answered(500, Optional.of(Duration.ofMinutes(10)))).delay()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofMinutes(2));
        assertThat(RetryAfter.parse("Tue, 20 Jan 2026 12:05:00 GMT", NOW)).contains(Duration.ofMinutes(5));
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse("-4", NOW)).isEmpty();
    }

    @Test
    void noResponseCountsAgainstTheEndpointButAClientErrorDoesNot() {
        assertThat(new AttemptResult(NOW, true, null, 15000, "timeout", Optional.empty()).endpointFailure()).isTrue();
        assertThat(answered(503, Optional.empty()).endpointFailure()).isTrue();
        assertThat(answered(404, Optional.empty()).endpointFailure()).isFalse();
        assertThat(AttemptResult.notSent(NOW, "circuit open").endpointFailure()).isFalse();
    }
}
