package net.voipbin.flowmanager.engine;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where activeflows are kept durably (PostgreSQL in the service, a map in unit tests). The engine reads
 * it only through {@link RunningActiveflows}, which writes every change here before it counts.
 */
public interface ActiveflowStore {

    void insert(ActiveflowState state);

    /** Writes a change; {@code stored} is what the store holds now (null if unknown), so unchanged parts may be skipped. */
    void save(ActiveflowState state, ActiveflowState stored);

    /** An activeflow in any status. */
    Optional<ActiveflowState> find(UUID id);

    /** The activeflows still running, read once at start-up to carry on after a restart. */
    List<ActiveflowState> running();
}
