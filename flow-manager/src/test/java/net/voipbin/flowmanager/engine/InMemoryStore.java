package net.voipbin.flowmanager.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The engine's store as a map, for unit tests. */
final class InMemoryStore implements ActiveflowStore {

    final Map<UUID, ActiveflowState> rows = new ConcurrentHashMap<>();

    @Override
    public void insert(ActiveflowState state) {
        rows.put(state.id(), state);
    }

    @Override
    public Optional<ActiveflowState> find(UUID id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public void save(ActiveflowState state) {
        rows.put(state.id(), state);
    }

    @Override
    public List<UUID> runningByReference(UUID referenceId) {
        return rows.values().stream().filter(s -> s.running() && s.referenceId().equals(referenceId))
                .map(ActiveflowState::id).toList();
    }

    @Override
    public List<UUID> runningByWaitKey(String key) {
        return rows.values().stream().filter(s -> s.running() && s.awaiting() != null && s.awaiting().keys().contains(key))
                .map(ActiveflowState::id).toList();
    }

    @Override
    public List<ActiveflowState> running() {
        return rows.values().stream().filter(ActiveflowState::running).toList();
    }
}
