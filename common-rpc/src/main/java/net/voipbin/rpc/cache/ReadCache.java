package net.voipbin.rpc.cache;

import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Rows a service reads on every call (a flow, a number's route) kept in memory, so the hot path reads
 * none. Sound where the service itself writes those rows: its writes invalidate. A read that an
 * invalidation overtook is not kept (it may hold the old row), an absent row is not remembered (it may
 * be created next), and an entry older than the maximum age is read again, which bounds how long a
 * write made elsewhere (another instance) goes unseen. Bounded: past the capacity an arbitrary entry
 * makes room; a miss only costs one read.
 */
public final class ReadCache<K, V> {

    private record Entry<V>(V value, long storedNanos) {
    }

    private final ConcurrentMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong invalidations = new AtomicLong();
    private final int capacity;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;

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
        this.capacity = capacity;
        this.maxAgeNanos = maxAge == null ? Long.MAX_VALUE : maxAge.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The cached value, else {@code load}'s answer (kept when present). */
    public Optional<V> find(K key, Supplier<Optional<V>> load) {
        Entry<V> cached = entries.get(key);
        if (cached != null && young(cached)) {
            return Optional.of(cached.value());
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
        entries.remove(key);
    }

    /** After a change that may affect any entry (one keyed by something the write does not name). */
    public synchronized void invalidateAll() {
        invalidations.incrementAndGet();
        entries.clear();
    }

    public int size() {
        return entries.size();
    }

    /** Without a maximum age an entry is always young: no clock read on the hot path. */
    private boolean young(Entry<V> entry) {
        return maxAgeNanos == Long.MAX_VALUE || nanoTime.getAsLong() - entry.storedNanos() < maxAgeNanos;
    }

    // synchronized with the invalidations: one either comes first (and this read is dropped) or removes
    // what this puts
    private synchronized void keep(K key, V value, long seen) {
        if (invalidations.get() != seen) {
            return;
        }
        if (entries.size() >= capacity && !entries.containsKey(key)) {
            Iterator<K> any = entries.keySet().iterator();
            if (any.hasNext()) {
                any.next();
                any.remove();
            }
        }
        entries.put(key, new Entry<>(value, nanoTime.getAsLong()));
    }
}
