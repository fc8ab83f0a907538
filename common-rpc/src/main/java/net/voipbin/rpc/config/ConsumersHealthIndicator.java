package net.voipbin.rpc.config;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * DOWN when a listener container that should consume (started, or to start with the context) has had no
 * consumer on an open channel for longer than {@code grace}, naming its queues. A consumer dropped and
 * subscribed again in a loop, or one that cannot subscribe at all, otherwise leaves a service UP that
 * handles nothing. The grace covers a broker restart and a consumer's ordinary recovery (about a second).
 * A gap's clock starts when a check first sees it, so a probe every p seconds reports it after at most
 * grace + p.
 * <p>
 * Only {@link WatchedListenerContainer}s are judged, and not those that allow a stand-by: call-manager's ARI
 * partition consumers are exclusive, and an instance holding none of them is healthy by design (their count
 * is a detail).
 */
public final class ConsumersHealthIndicator implements HealthIndicator {

    private final Map<String, WatchedListenerContainer> containers;
    private final long graceNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Long> idleSince = new ConcurrentHashMap<>();

    public ConsumersHealthIndicator(Map<String, WatchedListenerContainer> containers, Duration grace) {
        this(containers, grace, System::nanoTime);
    }

    ConsumersHealthIndicator(Map<String, WatchedListenerContainer> containers, Duration grace, LongSupplier nanoTime) {
        this.containers = Map.copyOf(containers);
        this.graceNanos = grace.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        long now = nanoTime.getAsLong();
        containers.forEach((name, container) -> {
            // Not started on purpose (flow-manager's stand-by, a service without subscriptions): not judged.
            if (!(container.isRunning() || container.isAutoStartup()) || container.getQueueNames().length == 0) {
                return;
            }
            String queues = queues(container.getQueueNames());
            int active = container.activeConsumers();
            if (container.isStandbyAllowed()) {
                health.withDetail(queues, "holding " + active + " of " + container.expectedConsumers());
            } else if (active > 0) {
                idleSince.remove(name);
                health.withDetail(queues, "consuming (" + active + "/" + container.expectedConsumers() + ")");
            } else {
                long since = idleSince.computeIfAbsent(name, ignored -> now);
                String idle = "not consuming for " + (now - since) / 1_000_000 + " ms";
                health.withDetail(queues, idle);
                if (now - since > graceNanos) {
                    health.down();
                }
            }
        });
        return health.build();
    }

    /** One queue by its name; partitions as their range, so the detail stays readable. */
    private static String queues(String[] names) {
        return names.length == 1 ? names[0] : names[0] + " … " + names[names.length - 1];
    }
}
