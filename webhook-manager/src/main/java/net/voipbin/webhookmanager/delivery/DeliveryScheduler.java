package net.voipbin.webhookmanager.delivery;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Picks due deliveries from the database and hands each to a virtual thread. Restart-safe (all state
 * is in the rows; a crash mid-attempt leaves a lease that expires) and safe with several instances
 * ({@code FOR UPDATE SKIP LOCKED}). It polls every {@code poll-interval} and is woken at once when
 * this instance enqueues new work. A delivery its endpoint cannot take now goes to the endpoint's
 * {@link EndpointBacklog}, which starts it here again as soon as the endpoint has room. On stop it
 * claims nothing more and waits for attempts in flight and their outcomes' commits.
 */
public final class DeliveryScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryScheduler.class);

    private final DeliveryRepository repository;
    private final DeliveryWorker worker;
    private final EndpointGuards guards;
    private final EndpointBacklog backlog;
    private final Duration pollInterval;
    private final Duration lease;
    private final int batchSize;
    private final int maxInFlight;
    private final Semaphore slots;
    private final BlockingQueue<Boolean> wakeUps = new ArrayBlockingQueue<>(1);
    private volatile boolean running;
    private Thread poller;
    private ExecutorService workers;

    DeliveryScheduler(DeliveryRepository repository, DeliveryWorker worker, EndpointGuards guards,
            BacklogRepository backlogRepository, BatchWriter<BacklogRepository.Park> parks, Duration pollInterval,
            Duration lease, int batchSize, int maxInFlight) {
        this.repository = repository;
        this.worker = worker;
        this.guards = guards;
        this.pollInterval = pollInterval;
        this.lease = lease;
        this.batchSize = batchSize;
        this.maxInFlight = maxInFlight;
        this.slots = new Semaphore(maxInFlight);
        this.backlog = new EndpointBacklog(backlogRepository, parks, guards, slots, lease, this::executePulled);
    }

    /** New work was committed: look now instead of at the next poll. */
    public void wakeUp() {
        wakeUps.offer(Boolean.TRUE);
    }

    @Override
    public synchronized void start() {
        workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("webhook-delivery-", 0).factory());
        running = true;
        guards.onRoom(backlog::pull);
        poller = Thread.ofPlatform().name("webhook-scheduler").daemon().start(this::loop);
    }

    @Override
    public synchronized void stop() {
        running = false;
        guards.onRoom(endpoint -> { });
        wakeUp();
        try {
            poller.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.close();
        try {
            // The attempts are over; their outcomes are on their way into a group commit.
            if (!slots.tryAcquire(maxInFlight, 10, TimeUnit.SECONDS)) {
                log.warn("outcomes of some attempts not committed at stop; their leases will bring them back");
            } else {
                slots.release(maxInFlight);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        backlog.unparkAll();
        log.info("delivery scheduler stopped");
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                if (!claimAndDispatch()) {
                    wakeUps.poll(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("delivery scheduler poll failed, retrying: {}", e.getMessage());
                sleepQuietly();
            }
        }
    }

    /** The lease a delivery attempted at once by its intake gets. */
    Duration lease() {
        return lease;
    }

    /**
     * Attempts deliveries leased by the caller now, waiting for free slots (which pushes back on the
     * intake when every slot is busy). When stopping, they are left to their lease.
     */
    void dispatch(List<ClaimedDelivery> leased) {
        try {
            for (ClaimedDelivery delivery : leased) {
                if (!running) {
                    return;
                }
                slots.acquire();
                execute(delivery, false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True when there may be more due work right away (a full batch was claimed). */
    private boolean claimAndDispatch() throws InterruptedException {
        backlog.pullAll();
        slots.acquire();
        int wanted = Math.min(batchSize, slots.availablePermits() + 1);
        slots.release();
        List<ClaimedDelivery> due = repository.claim(wanted, lease);
        for (ClaimedDelivery delivery : due) {
            slots.acquire();
            execute(delivery, false);
        }
        return due.size() == wanted;
    }

    /** A parked delivery its endpoint pulled back, holding a slot (and, as a rule, a permit of the endpoint's bulkhead). */
    private void executePulled(ClaimedDelivery delivery, boolean permitHeld) {
        if (running) {
            execute(delivery, permitHeld);
        } else {
            notStarted(delivery, permitHeld);
        }
    }

    /** Stopping: the delivery comes back when the lease its claim gave it ends. */
    private void notStarted(ClaimedDelivery delivery, boolean permitHeld) {
        if (permitHeld) {
            guards.bulkhead(delivery.endpoint()).releasePermission();
        }
        slots.release();
    }

    /**
     * Runs one attempt on a virtual thread; the caller holds a slot for it until the outcome is committed,
     * or until the delivery is parked when its endpoint cannot take it now.
     */
    private void execute(ClaimedDelivery delivery, boolean permitHeld) {
        try {
            workers.execute(() -> attempt(delivery, permitHeld));
        } catch (RejectedExecutionException stopped) {
            notStarted(delivery, permitHeld);
        }
    }

    private void attempt(ClaimedDelivery delivery, boolean permitHeld) {
        CompletableFuture<?> done;
        try {
            done = worker.process(delivery, permitHeld)
                    .thenCompose(attempted -> attempted ? CompletableFuture.completedFuture(null) : backlog.park(delivery));
        } catch (RuntimeException e) {
            done = CompletableFuture.failedFuture(e);
        }
        done.whenComplete((ignored, failure) -> {
            if (failure != null) {
                // The lease brings it back; the attempt is not lost.
                log.error("delivery {}: attempt or parking not recorded: {}", delivery.id(), failure.getMessage());
            }
            slots.release();
        });
    }

    private void sleepQuietly() {
        try {
            wakeUps.poll(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
