package net.voipbin.flowmanager.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The engine's durable store as a map, for unit tests; counts the reads the engine makes of it. */
final class InMemoryStore implements ActiveflowStore {

    final Map<UUID, ActiveflowState> rows = new ConcurrentHashMap<>();
    final AtomicInteger reads = new AtomicInteger();
    final AtomicInteger writes = new AtomicInteger();
    /** The stored row the engine named as the base of its last save. */
    volatile ActiveflowState lastBase;
    /** When set, every write fails with it (a database that is down). */
    volatile RuntimeException failure;

    @Override
    public void insert(ActiveflowState state) {
        write(state);
    }

    @Override
    public Optional<ActiveflowState> find(UUID id) {
        reads.incrementAndGet();
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public void save(ActiveflowState state, ActiveflowState stored) {
        lastBase = stored;
        write(state);
    }

    @Override
    public List<ActiveflowState> running() {
        reads.incrementAndGet();
        return rows.values().stream().filter(ActiveflowState::running).toList();
    }

    /** What the store holds, without counting it as a read. */
    ActiveflowState row(UUID id) {
        return rows.get(id);
    }

    private void write(ActiveflowState state) {
        if (failure != null) {
            throw failure;
        }
        writes.incrementAndGet();
        rows.put(state.id(), state);
    }
}
