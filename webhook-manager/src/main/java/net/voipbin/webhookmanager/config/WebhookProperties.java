package net.voipbin.webhookmanager.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything about delivery under {@code voipbin.webhook.*}.
 *
 * @param schedule        delay before each attempt, counted from the previous one (the first is
 *                        normally 0); its size is the number of attempts
 * @param jitter          each delay is stretched by a random 0..jitter fraction, so a burst of
 *                        failures does not come back as a burst
 * @param retryAfterCap   the longest {@code Retry-After} honoured
 * @param lease           how long a claimed delivery stays invisible to other instances; must exceed
 *                        connect + read timeout (a crash mid-attempt retries it after the lease)
 * @param intakeLinger    how long a group commit of new deliveries waits for more rows after its first
 *                        (fewer, larger commits: the database's work per row falls; it adds to every
 *                        event's latency)
 * @param outcomeLinger   the same for attempt outcomes and parked deliveries, which no receiver waits for
 * @param commitThreads   group commits in flight at once, per kind (new deliveries, outcomes, parked deliveries)
 * @param endpointConcurrency attempts in flight to one endpoint at most; more wait parked for a free one
 * @param allowedNetworks CIDRs exempt from the SSRF guard (e.g. {@code 127.0.0.0/8} in tests and local mode)
 */
@ConfigurationProperties("voipbin.webhook")
public record WebhookProperties(
        @DefaultValue({"0s", "1m", "5m", "30m", "2h"}) List<Duration> schedule,
        @DefaultValue("0.1") double jitter,
        @DefaultValue("15s") Duration connectTimeout,
        @DefaultValue("15s") Duration readTimeout,
        @DefaultValue("2h") Duration retryAfterCap,
        @DefaultValue("24h") Duration rotationGracePeriod,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("200") int batchSize,
        @DefaultValue("256") int maxInFlight,
        @DefaultValue("32") int endpointConcurrency,
        @DefaultValue("3ms") Duration intakeLinger,
        @DefaultValue("10ms") Duration outcomeLinger,
        @DefaultValue("1") int commitThreads,
        @DefaultValue CircuitBreaker circuitBreaker,
        @DefaultValue List<String> allowedNetworks) {

    public WebhookProperties {
        if (schedule.isEmpty()) {
            throw new IllegalArgumentException("voipbin.webhook.schedule needs at least one attempt");
        }
        schedule = List.copyOf(schedule);
        allowedNetworks = List.copyOf(allowedNetworks);
    }

    /**
     * Per endpoint: open when failureRate % of the last window attempts (at least minimumCalls) failed;
     * after openFor, probes attempts go through, and it closes when fewer than failureRate % of them
     * fail (else it opens again). What an open circuit holds back keeps its attempts.
     */
    public record CircuitBreaker(
            @DefaultValue("50") float failureRate,
            @DefaultValue("20") int window,
            @DefaultValue("10") int minimumCalls,
            @DefaultValue("30s") Duration openFor,
            @DefaultValue("10") int probes) {
    }
}
