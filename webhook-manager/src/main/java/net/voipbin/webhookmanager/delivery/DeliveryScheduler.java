package net.voipbin.webhookmanager.delivery;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Picks due deliveries from the database and hands each to a virtual thread. Restart-safe (all state
 * is in the rows; a crash mid-attempt leaves a lease that expires) and safe with several instances
 * ({@code FOR UPDATE SKIP LOCKED}). It polls every {@code poll-interval} and is woken at once when
 * this instance enqueues new work. On stop it claims nothing more and waits for attempts in flight and
 * their outcomes' commits.
 */
public final class DeliveryScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryScheduler.class);

    private final DeliveryRepository repository;
    private final DeliveryWorker worker;
    private final Duration pollInterval;
    private final Duration lease;
    private final int batchSize;
    private final int maxInFlight;
    private final Semaphore slots;
    private final BlockingQueue<Boolean> wakeUps = new ArrayBlockingQueue<>(1);
    private volatile boolean running;
    private Thread poller;
    private ExecutorService workers;

    DeliveryScheduler(DeliveryRepository repository, DeliveryWorker worker, Duration pollInterval, Duration lease,
            int batchSize, int maxInFlight) {
        this.repository = repository;
        this.worker = worker;
        this.pollInterval = pollInterval;
        this.lease = lease;
        this.batchSize = batchSize;
        this.maxInFlight = maxInFlight;
        this.slots = new Semaphore(maxInFlight);
    }

    /** New work was committed: look now instead of at the next poll. */
    public void wakeUp() {
        wakeUps.offer(Boolean.TRUE);
    }

    @Override
    public synchronized void start() {
        workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("webhook-delivery-", 0).factory());
        running = true;
        poller = Thread.ofPlatform().name("webhook-scheduler").daemon().start(this::loop);
    }

    @Override
    public synchronized void stop() {
        running = false;
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
                execute(delivery);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True when there may be more due work right away (a full batch was claimed). */
    private boolean claimAndDispatch() throws InterruptedException {
        slots.acquire();
        int wanted = Math.min(batchSize, slots.availablePermits() + 1);
        slots.release();
        List<ClaimedDelivery> due = repository.claim(wanted, lease);
        for (ClaimedDelivery delivery : due) {
            slots.acquire();
            execute(delivery);
        }
        return due.size() == wanted;
    }

    /** Runs one attempt on a virtual thread; the caller holds a slot for it until the outcome is committed. */
    private void execute(ClaimedDelivery delivery) {
        workers.execute(() -> {
            CompletableFuture<Void> recorded;
            try {
                recorded = worker.process(delivery);
            } catch (RuntimeException e) {
                recorded = CompletableFuture.failedFuture(e);
            }
            recorded.whenComplete((ignored, failure) -> {
                if (failure != null) {
                    // The lease brings it back; the attempt is not lost.
                    log.error("delivery {} attempt could not be recorded: {}", delivery.id(), failure.getMessage());
                }
                slots.release();
            });
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
