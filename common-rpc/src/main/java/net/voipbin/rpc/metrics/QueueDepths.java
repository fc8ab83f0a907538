package net.voipbin.rpc.metrics;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.context.SmartLifecycle;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code voipbin_queue_messages{queue, kind}}: the messages waiting in each queue this service consumes
 * ({@code kind=work}: its backlog) and in its dead queue ({@code kind=dead}: what it set aside), sampled
 * with a passive declare every interval rather than on each scrape, so a slow broker never slows a scrape.
 * A queue the broker does not have (yet) keeps its last value.
 */
public final class QueueDepths implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QueueDepths.class);

    private final RabbitAdmin admin;
    private final MeterRegistry registry;
    private final Map<String, String> kinds = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> depths = new ConcurrentHashMap<>();
    private final Duration interval;
    private ScheduledExecutorService sampler;

    /**
     * @param admin       a RabbitAdmin that is not a bean (it only asks, it declares nothing)
     * @param workQueues  the queues this service consumes
     * @param deadQueues  where it parks what it cannot handle
     */
    public QueueDepths(RabbitAdmin admin, MeterRegistry registry, Collection<String> workQueues,
            Collection<String> deadQueues, Duration interval) {
        this.admin = admin;
        this.registry = registry;
        this.interval = interval;
        workQueues.forEach(queue -> kinds.put(queue, "work"));
        deadQueues.forEach(queue -> kinds.put(queue, "dead"));
    }

    /** The queues sampled, sorted. */
    public Set<String> queues() {
        return new TreeSet<>(kinds.keySet());
    }

    /** Asks the broker for every queue's depth now (the sampler's step). */
    public void sample() {
        kinds.forEach((queue, kind) -> {
            try {
                QueueInformation information = admin.getQueueInfo(queue);
                if (information != null) {
                    depth(queue, kind).set(information.getMessageCount());
                }
            } catch (RuntimeException e) {
                log.debug("could not sample the depth of {}: {}", queue, e.getMessage());
            }
        });
    }

    private AtomicLong depth(String queue, String kind) {
        return depths.computeIfAbsent(queue, name -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("voipbin.queue.messages", value, AtomicLong::get).description("messages waiting in a queue")
                    .tag("queue", name).tag("kind", kind).register(registry);
            return value;
        });
    }

    @Override
    public synchronized void start() {
        if (sampler == null && !kinds.isEmpty()) {
            sampler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("queue-depths").factory());
            sampler.scheduleWithFixedDelay(this::sample, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (sampler != null) {
            sampler.shutdownNow();
            sampler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return sampler != null;
    }
}
