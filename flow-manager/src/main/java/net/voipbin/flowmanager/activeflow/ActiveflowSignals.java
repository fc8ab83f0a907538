package net.voipbin.flowmanager.activeflow;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import net.voipbin.contract.callmanager.CallOperationFinished;
import net.voipbin.flowmanager.engine.ActionEngine;
import net.voipbin.flowmanager.engine.ActiveflowStore;
import net.voipbin.flowmanager.engine.Signal;
import tools.jackson.databind.JsonNode;

/**
 * Routes consumed events to the activeflows they concern. A call's own activeflow is found by its
 * reference (it exists before any command is sent, so an event racing the command's reply still finds
 * it); other waits by their key. Idempotent: a signal nobody waits for is dropped.
 */
@Component
class ActiveflowSignals {

    private static final Logger log = LoggerFactory.getLogger(ActiveflowSignals.class);

    private final ActiveflowStore store;
    private final ActionEngine engine;

    ActiveflowSignals(ActiveflowStore store, ActionEngine engine) {
        this.store = store;
        this.engine = engine;
    }

    void operationFinished(CallOperationFinished event) {
        if (event.operationId() == null || event.callId() == null) {
            return;
        }
        Signal signal = new Signal.OperationFinished(event);
        deliver(candidates(event.callId(), signal.key()), signal);
    }

    void callAnswered(UUID callId) {
        Signal signal = new Signal.CallAnswered(callId);
        deliver(candidates(callId, signal.key()), signal);
    }

    /** A connect destination's hangup is a signal; the flow's own call hanging up ends the flow. */
    void callHungup(UUID callId) {
        Signal signal = new Signal.CallHungup(callId);
        deliver(new LinkedHashSet<>(store.runningByWaitKey(signal.key())), signal);
        for (UUID id : store.runningByReference(callId)) {
            log.info("activeflow {}: call {} hung up, ending the flow", id, callId);
            engine.stop(id, null);
        }
    }

    void external(String key, JsonNode data) {
        Signal signal = new Signal.External(key, data);
        deliver(new LinkedHashSet<>(store.runningByWaitKey(key)), signal);
    }

    private Set<UUID> candidates(UUID callId, String key) {
        Set<UUID> ids = new LinkedHashSet<>(store.runningByReference(callId));
        ids.addAll(store.runningByWaitKey(key));
        return ids;
    }

    private void deliver(Set<UUID> ids, Signal signal) {
        ids.forEach(id -> engine.signal(id, signal));
    }
}
