package net.voipbin.flowmanager.flow;

import java.util.Iterator;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import net.voipbin.contract.flowmanager.Flow;

/**
 * Stored flows by customer and id, so that starting an activeflow (every call) reads no flow row.
 * Sound because flow-manager is the only writer of flows and runs as one instance: its own update and
 * delete invalidate. A read that an invalidation overtook is not kept (it may hold the old actions).
 * Bounded: past the capacity an arbitrary entry makes room; a miss only costs one read.
 */
final class FlowCache {

    private record Key(UUID customerId, UUID flowId) {
    }

    private final ConcurrentMap<Key, Flow> flows = new ConcurrentHashMap<>();
    private final AtomicLong invalidations = new AtomicLong();
    private final int capacity;

    FlowCache(int capacity) {
        this.capacity = capacity;
    }

    /** The cached flow, else {@code load}'s answer (kept when found). */
    Optional<Flow> find(UUID customerId, UUID flowId, Supplier<Optional<Flow>> load) {
        Key key = new Key(customerId, flowId);
        Flow cached = flows.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        long seen = invalidations.get();
        Optional<Flow> loaded = load.get();
        loaded.ifPresent(flow -> keep(key, flow, seen));
        return loaded;
    }

    /** A flow just written (created): the next activeflow of it reads no row. */
    void put(Flow flow) {
        keep(new Key(flow.customerId(), flow.id()), flow, invalidations.get());
    }

    /** After the flow changed or was deleted in the database. */
    synchronized void invalidate(UUID customerId, UUID flowId) {
        invalidations.incrementAndGet();
        flows.remove(new Key(customerId, flowId));
    }

    int size() {
        return flows.size();
    }

    // synchronized with invalidate: an invalidation either comes first (and this read is dropped) or
    // removes what this puts
    private synchronized void keep(Key key, Flow flow, long seen) {
        if (invalidations.get() != seen) {
            return;
        }
        if (flows.size() >= capacity && !flows.containsKey(key)) {
            Iterator<Key> any = flows.keySet().iterator();
            if (any.hasNext()) {
                any.next();
                any.remove();
            }
        }
        flows.put(key, flow);
    }
}
