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
 * claims nothing more, waits for attempts in flight and their outcomes' commits, and hands back the
 * leases of every delivery it holds without attempting it (parked, or claimed too late to start), so
 * that another instance, or the next to start, sends them at once rather than when the leases end.
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
        backlog.startPulling();
        guards.onRoom(backlog::pull);
        poller = Thread.ofPlatform().name("webhook-scheduler").daemon().start(this::loop);
    }

    @Override
    public synchronized void stop() {
        running = false;
        backlog.stopPulling();
        guards.onRoom(endpoint -> { });
        wakeUp();
        try {
            poller.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.close();
        boolean idle = awaitIdle();
        // While this holds every slot no pull can run, so nothing claims a parked delivery once it is handed back.
        backlog.unparkAll();
        if (idle) {
            slots.release(maxInFlight);
        }
        log.info("delivery scheduler stopped");
    }

    /**
     * Takes every slot: each is held by an attempt until its outcome has committed, by a delivery being
     * parked until that has committed, or by a pull until what it claimed is started or handed back.
     */
    private boolean awaitIdle() {
        try {
            if (slots.tryAcquire(maxInFlight, 10, TimeUnit.SECONDS)) {
                return true;
            }
            log.warn("outcomes of some attempts not committed at stop; their leases will bring them back");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** Starts before the event consumers and stops after them, so that what they take in while stopping is still sent. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 1;
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
     * intake when every slot is busy). When stopping, their leases are handed back.
     */
    void dispatch(List<ClaimedDelivery> leased) {
        for (int i = 0; i < leased.size(); i++) {
            if (!running || !acquireSlot()) {
                handBack(leased.subList(i, leased.size()));
                return;
            }
            execute(leased.get(i), false);
        }
    }

    private boolean acquireSlot() {
        try {
            slots.acquire();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
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

    /** Stopping: its lease is handed back before its slot is freed, so the stop waits for that too. */
    private void notStarted(ClaimedDelivery delivery, boolean permitHeld) {
        if (permitHeld) {
            guards.bulkhead(delivery.endpoint()).releasePermission();
        }
        handBack(List.of(delivery));
        slots.release();
    }

    /** Deliveries leased here that will not be attempted here: due now rather than when their lease ends. */
    private void handBack(List<ClaimedDelivery> deliveries) {
        try {
            int count = repository.handBack(deliveries.stream().map(ClaimedDelivery::id).toList());
            log.info("{} deliveries claimed while stopping handed back", count);
        } catch (RuntimeException e) {
            log.warn("{} deliveries claimed while stopping not handed back, their leases will: {}", deliveries.size(),
                    e.getMessage());
        }
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
