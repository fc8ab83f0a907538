package net.voipbin.flowmanager.activeflow;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import net.voipbin.contract.callmanager.CallOperationFinished;
import net.voipbin.flowmanager.engine.ActionEngine;
import net.voipbin.flowmanager.engine.EarlySignals;
import net.voipbin.flowmanager.engine.RunningActiveflows;
import net.voipbin.flowmanager.engine.Signal;
import tools.jackson.databind.JsonNode;

/**
 * Routes consumed events to the activeflows they concern, looked up in memory ({@link RunningActiveflows}).
 * A call's own activeflow is found by its reference (it exists before any command is sent, so an event racing the command's reply still finds
 * it); other waits by their key, and a signal that overtakes the wait it completes is kept for it
 * ({@link EarlySignals}). Idempotent: a signal that matches no wait changes nothing.
 */
@Component
class ActiveflowSignals {

    private static final Logger log = LoggerFactory.getLogger(ActiveflowSignals.class);

    private final RunningActiveflows activeflows;
    private final ActionEngine engine;
    private final EarlySignals early;
    private final ActiveflowService starter;

    ActiveflowSignals(RunningActiveflows activeflows, ActionEngine engine, EarlySignals early,
            ActiveflowService starter) {
        this.starter = starter;
        this.activeflows = activeflows;
        this.engine = engine;
        this.early = early;
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
        Set<UUID> ids = candidates(callId, signal.key());
        if (ids.isEmpty()) {
            ids = keepForLater(signal);
        }
        deliver(ids, signal);
    }

    /** A connect destination's hangup is a signal; the flow's own call hanging up ends the flow. */
    void callHungup(UUID callId) {
        Signal signal = new Signal.CallHungup(callId);
        Set<UUID> own = activeflows.byReference(callId);
        Set<UUID> waiting = activeflows.byWaitKey(signal.key());
        deliver(waiting.isEmpty() && own.isEmpty() ? keepForLater(signal) : waiting, signal);
        for (UUID id : own) {
            // Usually already ended by the signal above (its hangup action waited for it); the engine logs
            // the end of a flow this does end, so this line is only for tracing.
            log.debug("activeflow {}: call {} hung up, ending the flow", id, callId);
            engine.end(id, null);
        }
    }

    /**
     * A transfer completed, as {@code transfer_completed} tells it: the transferee talks with the target now.
     * {@code flowId} (null: none) is the flow the transferee runs from now on, as {@code activeflowId}, an id
     * call-manager chose when the transfer was created and linked the call to at completion.
     */
    record TransferCompleted(UUID transferId, UUID customerId, UUID transfereeCallId, UUID targetCallId, UUID flowId,
            UUID activeflowId) {

        boolean movesOn() {
            return customerId != null && flowId != null && activeflowId != null;
        }
    }

    /**
     * The call was transferred: it talks with the transfer's target now, and its flow must not go on to
     * act on it (play into the conversation, hang it up). Every flow of the call ends, without an error, but
     * the one the transfer moves the call on to; that one is started if the transfer names a flow.
     * Idempotent: a redelivered event ends nothing more and starts nothing twice (the new flow's id is the
     * transfer's).
     */
    void callTransferred(TransferCompleted transfer) {
        UUID callId = transfer.transfereeCallId();
        for (UUID id : activeflows.byReference(callId)) {
            if (id.equals(transfer.activeflowId())) {
                continue;
            }
            log.info("activeflow {}: call {} was transferred, ending the flow", id, callId);
            engine.end(id, null);
        }
        if (transfer.movesOn()) {
            starter.moveOn(transfer);
        }
    }

    void external(String key, JsonNode data) {
        Signal signal = new Signal.External(key, data);
        Set<UUID> ids = activeflows.byWaitKey(key);
        deliver(ids.isEmpty() ? keepForLater(signal) : ids, signal);
    }

    /**
     * Nobody waits for this yet: keep it for a wait saved later, then look once more, so that either
     * this thread sees the saved wait or the engine sees the kept signal (a double delivery is a no-op).
     */
    private Set<UUID> keepForLater(Signal signal) {
        early.remember(signal);
        Set<UUID> ids = activeflows.byWaitKey(signal.key());
        if (!ids.isEmpty()) {
            early.forget(signal);
        }
        return ids;
    }

    private Set<UUID> candidates(UUID callId, String key) {
        Set<UUID> ids = new LinkedHashSet<>(activeflows.byReference(callId));
        ids.addAll(activeflows.byWaitKey(key));
        return ids;
    }

    private void deliver(Set<UUID> ids, Signal signal) {
        ids.forEach(id -> engine.signal(id, signal));
    }
}
