package net.voipbin.rpc.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Rows a service reads on every call (a flow, a number's route) kept in memory, so the hot path reads
 * none. Sound where the service itself writes those rows: its writes invalidate. A read that an
 * invalidation overtook is not kept (it may hold the old row), an absent row is not remembered (it may
 * be created next), and an entry older than the maximum age is read again, which bounds how long a
 * write made elsewhere (another instance) goes unseen. Storage, size bound and age are Caffeine's; this
 * class adds the invalidation race the loader must not win.
 */
public final class ReadCache<K, V> {

    private final Cache<K, V> entries;
    private final AtomicLong invalidations = new AtomicLong();

    /** Entries kept until invalidated or evicted. */
    public ReadCache(int capacity) {
        this(capacity, null, System::nanoTime);
    }

    /** Entries kept at most {@code maxAge} ({@code null}: no limit). */
    public ReadCache(int capacity, Duration maxAge) {
        this(capacity, maxAge, System::nanoTime);
    }

    ReadCache(int capacity, Duration maxAge, LongSupplier nanoTime) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        // Maintenance (eviction) runs on the calling thread: no pool work per write, and the bound holds
        // when put returns.
        Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(capacity).executor(Runnable::run);
        if (maxAge != null) {
            builder.expireAfterWrite(maxAge).ticker(nanoTime::getAsLong);
        }
        this.entries = builder.build();
    }

    /** The cached value, else {@code load}'s answer (kept when present). */
    public Optional<V> find(K key, Supplier<Optional<V>> load) {
        V cached = entries.getIfPresent(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        long seen = invalidations.get();
        Optional<V> loaded = load.get();
        loaded.ifPresent(value -> keep(key, value, seen));
        return loaded;
    }

    /** A value just written: the next find reads nothing. */
    public void put(K key, V value) {
        keep(key, value, invalidations.get());
    }

    /** After the row changed or was deleted. */
    public synchronized void invalidate(K key) {
        invalidations.incrementAndGet();
        entries.invalidate(key);
    }

    /** After a change that may affect any entry (one keyed by something the write does not name). */
    public synchronized void invalidateAll() {
        invalidations.incrementAndGet();
        entries.invalidateAll();
    }

    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    // synchronized with the invalidations: one either comes first (and this read is dropped) or removes
    // what this puts
    private synchronized void keep(K key, V value, long seen) {
        if (invalidations.get() == seen) {
            entries.put(key, value);
        }
    }
}
