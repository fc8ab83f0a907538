package net.voipbin.webhookmanager.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Group commit: callers hand in one write each and wait (block, or take a future) until the
 * transaction holding it has committed; a few flusher threads take whatever has queued up meanwhile,
 * plus what arrives during a short linger, and write it as one batch in one transaction. Under load one
 * commit carries many writes; alone, a write waits no longer than the linger. The caller's guarantee
 * is unchanged: when {@link #write} returns, or the future completes, the row is durable.
 */
final class BatchWriter<T> implements AutoCloseable {

    /**
     * What one flush committed: each item's update count, and work to run after its callers are released
     * (the intake's first attempts: the consumers ack at once instead of waiting for the dispatch too).
     */
    record Flushed(int[] counts, Runnable afterRelease) {

        static Flushed of(int[] counts) {
            return new Flushed(counts, () -> { });
        }
    }

    private record Pending<T>(T item, CompletableFuture<Integer> done) {
    }

    private final BlockingQueue<Pending<T>> queue = new LinkedBlockingQueue<>();
    private final Function<List<T>, Flushed> flush;
    private final int maxBatch;
    private final Duration linger;
    private final List<Thread> flushers = new ArrayList<>();
    private volatile boolean open = true;

    /**
     * {@code flush} writes the items in one transaction and returns each one's update count, plus what
     * to do once the callers have their answer; that runs on the flusher thread, so when it blocks, the
     * next batch waits (back-pressure).
     */
    BatchWriter(String name, Function<List<T>, Flushed> flush, int maxBatch, Duration linger, int flusherThreads) {
        this.flush = flush;
        this.maxBatch = maxBatch;
        this.linger = linger;
        for (int i = 0; i < flusherThreads; i++) {
            flushers.add(Thread.ofPlatform().name(name + "-" + i).daemon().start(this::run));
        }
    }

    /** Writes {@code item} and returns its update count once committed; a failed batch fails every caller in it. */
    int write(T item) {
        try {
            return submit(item).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the commit", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Queues {@code item}; the future completes with its update count once committed, or fails with its batch. */
    CompletableFuture<Integer> submit(T item) {
        if (!open) {
            return CompletableFuture.failedFuture(new IllegalStateException("batch writer closed"));
        }
        CompletableFuture<Integer> done = new CompletableFuture<>();
        queue.add(new Pending<>(item, done));
        return done;
    }

    private void run() {
        List<Pending<T>> batch = new ArrayList<>(maxBatch);
        while (open || !queue.isEmpty()) {
            Pending<T> first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
            if (first == null) {
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, maxBatch - 1);
            try {
                linger(batch);
            } catch (InterruptedException e) {
                flushBatch(batch);
                break;
            }
            flushBatch(batch);
            batch.clear();
        }
    }

    /**
     * Lets more writes join the batch for {@code linger} after the first: a commit costs the database
     * about the same for one row as for fifty, so under a steady load a few milliseconds here buy a large
     * cut in its work. The flusher sleeps rather than waits on the queue, so writes arriving meanwhile
     * wake nobody. Alone, a write waits no longer than that; a full batch not at all.
     */
    private void linger(List<Pending<T>> batch) throws InterruptedException {
        if (batch.size() < maxBatch && linger.isPositive()) {
            Thread.sleep(linger);
            queue.drainTo(batch, maxBatch - batch.size());
        }
    }

    private void flushBatch(List<Pending<T>> batch) {
        Flushed flushed;
        try {
            flushed = flush.apply(batch.stream().map(Pending::item).toList());
        } catch (RuntimeException e) {
            batch.forEach(p -> p.done().completeExceptionally(e));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(flushed.counts()[i]);
        }
        flushed.afterRelease().run();
    }

    /** Stops taking writes; what is queued is still written. */
    @Override
    public void close() {
        open = false;
        for (Thread flusher : flushers) {
            try {
                flusher.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<Pending<T>> rest = new ArrayList<>();
        queue.drainTo(rest);
        if (!rest.isEmpty()) {
            flushBatch(rest);
        }
    }
}
