package net.voipbin.flowmanager.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The running activeflows in memory, by id, by reference (the call they drive) and by the keys of the
 * signals they wait for. Ended activeflows leave it. Signals look ids up without the activeflow's lock
 * while the engine changes them, so every index is a concurrent map of immutable id sets, and a change
 * adds new keys before it removes old ones: a key the activeflow keeps waiting on never vanishes.
 */
final class RunningIndex {

    private final ConcurrentMap<UUID, ActiveflowState> byId = new ConcurrentHashMap<>();
    private final ConcurrentMap<UUID, Set<UUID>> byReference = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Set<UUID>> byWaitKey = new ConcurrentHashMap<>();

    /** Keeps the state if it runs, forgets the activeflow if it ended; the indexes follow. */
    void put(ActiveflowState state) {
        // compute serialises changes of one activeflow; the index maps are only ever locked inside it
        byId.compute(state.id(), (id, old) -> {
            ActiveflowState kept = state.running() ? state : null;
            reindex(id, old, kept);
            return kept;
        });
    }

    Optional<ActiveflowState> get(UUID id) {
        return Optional.ofNullable(byId.get(id));
    }

    Set<UUID> byReference(UUID referenceId) {
        return byReference.getOrDefault(referenceId, Set.of());
    }

    Set<UUID> byWaitKey(String key) {
        return byWaitKey.getOrDefault(key, Set.of());
    }

    List<ActiveflowState> all() {
        return List.copyOf(byId.values());
    }

    int size() {
        return byId.size();
    }

    void clear() {
        byId.clear();
        byReference.clear();
        byWaitKey.clear();
    }

    private void reindex(UUID id, ActiveflowState old, ActiveflowState kept) {
        Set<String> oldKeys = waitKeys(old);
        Set<String> newKeys = waitKeys(kept);
        if (kept != null) {
            add(byReference, kept.referenceId(), id);
            newKeys.forEach(key -> add(byWaitKey, key, id));
        }
        oldKeys.stream().filter(key -> !newKeys.contains(key)).forEach(key -> remove(byWaitKey, key, id));
        if (old != null && kept == null) {
            remove(byReference, old.referenceId(), id);
        }
    }

    private static Set<String> waitKeys(ActiveflowState state) {
        return state == null || state.awaiting() == null ? Set.of() : Set.copyOf(state.awaiting().keys());
    }

    private static <K> void add(ConcurrentMap<K, Set<UUID>> index, K key, UUID id) {
        index.compute(key, (k, ids) -> {
            if (ids == null) {
                return Set.of(id);
            }
            if (ids.contains(id)) {
                return ids;
            }
            Set<UUID> more = new HashSet<>(ids);
            more.add(id);
            return Set.copyOf(more);
        });
    }

    private static <K> void remove(ConcurrentMap<K, Set<UUID>> index, K key, UUID id) {
        index.computeIfPresent(key, (k, ids) -> {
            Set<UUID> rest = new HashSet<>(ids);
            rest.remove(id);
            return rest.isEmpty() ? null : Set.copyOf(rest);
        });
    }
}
