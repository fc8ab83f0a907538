package net.voipbin.flowmanager.engine;

import net.voipbin.contract.flowmanager.Activeflow;

/** Announces activeflow changes ({@code activeflow_created/updated/deleted}). */
public interface ActiveflowEvents {

    void publish(String type, Activeflow activeflow);
}
