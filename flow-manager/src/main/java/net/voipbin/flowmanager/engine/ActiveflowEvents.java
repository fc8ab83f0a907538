package net.voipbin.flowmanager.engine;

import net.voipbin.contract.flowmanager.Activeflow;

/** Announces activeflow changes ({@code activeflow_created/updated/deleted}). */
public interface ActiveflowEvents {

    void publish(String type, Activeflow activeflow);

    /**
     * Runs a change together with the events it publishes: in the service, one transaction, so the
     * outbox holds the events exactly when the change is stored.
     */
    default void atomically(Runnable change) {
        change.run();
    }
}
