package net.voipbin.flowmanager.engine;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where the engine keeps activeflows (PostgreSQL in the service, a map in unit tests). */
public interface ActiveflowStore {

    void insert(ActiveflowState state);

    Optional<ActiveflowState> find(UUID id);

    void save(ActiveflowState state);

    /** Running activeflows driving this call. */
    List<UUID> runningByReference(UUID referenceId);

    /** Running activeflows waiting for a signal with this key. */
    List<UUID> runningByWaitKey(String key);

    List<ActiveflowState> running();
}
