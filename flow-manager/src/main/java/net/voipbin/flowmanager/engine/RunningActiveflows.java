package net.voipbin.flowmanager.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's view of activeflows: the running ones in memory, every change written to the durable
 * {@link ActiveflowStore} first (a failed write changes nothing here), but for waits a restart can do
 * without ({@link #hold}). Sound because only one flow-manager instance, the leader, runs activeflows
 * ({@code cluster/Leadership}), and it changes an activeflow only under its engine lock; so stepping,
 * resuming and routing signals cost no database reads, only the writes a restart needs. Loaded from the
 * store when this instance becomes the leader, before it handles any event, so the flows a previous
 * leader left are found by their signals; emptied when it stops being the leader.
 */
public final class RunningActiveflows {

    private static final Logger log = LoggerFactory.getLogger(RunningActiveflows.class);

    private final ActiveflowStore store;
    private final RunningIndex index = new RunningIndex();
    /** The stored row of each activeflow whose state in memory is not written yet. */
    private final Map<UUID, ActiveflowState> unwritten = new ConcurrentHashMap<>();

    private RunningActiveflows(ActiveflowStore store) {
        this.store = store;
    }

    /** The store's running activeflows, in memory. */
    public static RunningActiveflows load(ActiveflowStore store) {
        RunningActiveflows activeflows = new RunningActiveflows(store);
        activeflows.reload();
        return activeflows;
    }

    /** Nothing in memory until {@link #reload}. */
    public static RunningActiveflows empty(ActiveflowStore store) {
        return new RunningActiveflows(store);
    }

    /** Forgets what is in memory and reads the store's running activeflows again. */
    public void reload() {
        clear();
        store.running().forEach(index::put);
        log.info("{} running activeflows loaded", index.size());
    }

    /** Forgets every activeflow in memory (another instance runs them now). */
    public void clear() {
        unwritten.clear();
        index.clear();
    }

    public void insert(ActiveflowState state) {
        store.insert(state);
        index.put(state);
    }

    /**
     * Writes the change; an ended activeflow leaves memory. The write's base is the stored row (the
     * state in memory, unless {@link #hold} put one not written yet), so the store may leave out what
     * did not change.
     */
    public void save(ActiveflowState state) {
        ActiveflowState stored = unwritten.get(state.id());
        store.save(state, stored != null ? stored : index.get(state.id()).orElse(null));
        unwritten.remove(state.id());
        index.put(state);
    }

    /**
     * Keeps a change in memory only (a wait a restart can do without); the next {@link #save} writes it
     * with whatever follows. A restart finds the flow as last written.
     */
    public void hold(ActiveflowState state) {
        index.get(state.id()).ifPresent(stored -> unwritten.putIfAbsent(state.id(), stored));
        index.put(state);
    }

    /** The activeflow if it is running (callers hold its lock to act on it). */
    public Optional<ActiveflowState> running(UUID id) {
        return index.get(id);
    }

    /** The activeflow in any status: from memory while it runs, else from the store. */
    public Optional<ActiveflowState> find(UUID id) {
        return index.get(id).or(() -> store.find(id));
    }

    /** Running activeflows driving this call. */
    public Set<UUID> byReference(UUID referenceId) {
        return index.byReference(referenceId);
    }

    /** Running activeflows waiting for a signal with this key. */
    public Set<UUID> byWaitKey(String key) {
        return index.byWaitKey(key);
    }

    /** A snapshot of every running activeflow. */
    public List<ActiveflowState> all() {
        return index.all();
    }

    /** How many activeflows run here (none at a stand-by). */
    public int size() {
        return index.size();
    }
}
