package net.voipbin.webhookmanager.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.resilience4j.bulkhead.Bulkhead;

/**
 * The deliveries an endpoint cannot take now: its circuit is open (until it is probed healthy again) or
 * it already has {@code endpoint-concurrency} attempts in flight. Neither is an attempt. Such a delivery
 * is parked in the database under its endpoint, still leased to this instance, and the endpoint pulls
 * its parked deliveries back the moment it has room (see {@link EndpointGuards#onRoom}): when one of
 * its sends ends, when its circuit half-opens (as many as it probes) and when it closes. So a burst
 * waits for a free slot, not for the scheduler's poll, and a recovered endpoint gets its backlog at
 * once (oldest events first), never more at a time than its concurrency. At stop it pulls no more (a
 * pull would lease deliveries that nothing then sends) and what this instance parked is made due at
 * once; a delivery whose lease ends while parked (say this instance died) comes back through the
 * scheduler like any due one.
 */
final class EndpointBacklog {

    private static final Logger log = LoggerFactory.getLogger(EndpointBacklog.class);

    /** What this instance parked for one endpoint, and its pulls (one at a time; requests meanwhile add a pass). */
    private static final class Line {
        final AtomicLong parked = new AtomicLong();
        volatile long drainedAt;
        final AtomicInteger pullRequests = new AtomicInteger();

        boolean hasParked() {
            return parked.get() > drainedAt;
        }
    }

    private final BacklogRepository repository;
    private final BatchWriter<BacklogRepository.Park> parks;
    private final EndpointGuards guards;
    private final Semaphore slots;
    private final Duration lease;
    private final Starter starter;
    private final ConcurrentMap<String, Line> lines = new ConcurrentHashMap<>();
    private volatile boolean pulling = true;

    /** Runs a pulled delivery, which holds one of the slots, and a permit of its endpoint's bulkhead when {@code permitHeld}. */
    interface Starter {
        void start(ClaimedDelivery delivery, boolean permitHeld);
    }

    /** {@code slots} are the instance's attempts in flight. */
    EndpointBacklog(BacklogRepository repository, BatchWriter<BacklogRepository.Park> parks, EndpointGuards guards,
            Semaphore slots, Duration lease, Starter starter) {
        this.repository = repository;
        this.parks = parks;
        this.guards = guards;
        this.slots = slots;
        this.lease = lease;
        this.starter = starter;
    }

    /** Parks a delivery its endpoint could not take; completes once that is committed. */
    CompletableFuture<Void> park(ClaimedDelivery delivery) {
        String endpoint = delivery.endpoint();
        return parks.submit(new BacklogRepository.Park(delivery.id(), endpoint)).thenAccept(committed -> {
            lines.computeIfAbsent(endpoint, e -> new Line()).parked.incrementAndGet();
            // Its endpoint may have freed up while the park was being committed.
            pull(endpoint);
        });
    }

    /** The endpoint may have room: pulls what it can take of its parked deliveries, on a thread of its own. */
    void pull(String endpoint) {
        Line line = lines.get(endpoint);
        if (!pulling || line == null || !line.hasParked() || line.pullRequests.getAndIncrement() != 0) {
            return;
        }
        Thread.ofVirtual().name("webhook-backlog").start(() -> {
            int requests = 1;
            do {
                try {
                    pullOnce(endpoint, line);
                } catch (RuntimeException e) {
                    log.warn("could not pull parked deliveries of an endpoint, trying again at the next poll: {}", e.getMessage());
                }
                requests = line.pullRequests.addAndGet(-requests);
            } while (requests != 0);
        });
    }

    /** Every endpoint with deliveries parked here (the scheduler's poll: in case a pull found no free slot). */
    void pullAll() {
        lines.forEach((endpoint, line) -> {
            if (line.hasParked()) {
                pull(endpoint);
            }
        });
    }

    /** Starts (again) pulling parked deliveries when their endpoints have room. */
    void startPulling() {
        pulling = true;
    }

    /**
     * Stopping: no pull starts from now on. One already running finishes; the caller waits for it (it
     * holds slots) and the scheduler hands back what it claimed but can no longer start.
     */
    void stopPulling() {
        pulling = false;
    }

    /**
     * Stopping, once no pull runs and every park has committed: what this instance parked becomes due
     * now, so that the next instance to start, or another one running, need not wait for the leases to end.
     */
    void unparkAll() {
        List<String> endpoints = lines.entrySet().stream().filter(e -> e.getValue().hasParked()).map(Map.Entry::getKey).toList();
        if (!endpoints.isEmpty()) {
            try {
                log.info("{} parked deliveries handed back at stop", repository.unparkAll(endpoints));
            } catch (RuntimeException e) {
                log.warn("parked deliveries not handed back at stop, their leases will: {}", e.getMessage());
            }
        }
    }

    private void pullOnce(String endpoint, Line line) {
        if (!pulling || !line.hasParked()) {
            return;
        }
        Bulkhead bulkhead = guards.bulkhead(endpoint);
        int room = guards.room(endpoint);
        int taken = 0;
        while (taken < room && slots.tryAcquire()) {
            if (!bulkhead.tryAcquirePermission()) {
                slots.release();
                break;
            }
            taken++;
        }
        if (taken == 0) {
            return;
        }
        long parkedBefore = line.parked.get();
        List<ClaimedDelivery> pulled;
        try {
            pulled = repository.claimParked(endpoint, taken, lease);
        } catch (RuntimeException e) {
            release(bulkhead, taken);
            throw e;
        }
        if (pulled.size() < taken) {
            // Nothing more is parked, unless a park has committed since the claim began.
            line.drainedAt = Math.max(line.drainedAt, parkedBefore);
            release(bulkhead, taken - pulled.size());
        }
        for (ClaimedDelivery delivery : pulled) {
            boolean sameEndpoint = delivery.endpoint().equals(endpoint);
            if (!sameEndpoint) {
                // Its webhook's URL changed while it was parked: the permit taken here is not its endpoint's.
                bulkhead.releasePermission();
            }
            starter.start(delivery, sameEndpoint);
        }
    }

    private void release(Bulkhead bulkhead, int count) {
        for (int i = 0; i < count; i++) {
            bulkhead.releasePermission();
            slots.release();
        }
    }
}
