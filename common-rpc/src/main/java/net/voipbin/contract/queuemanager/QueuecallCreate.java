package net.voipbin.contract.queuemanager;

import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * {@code POST /v1/queuecalls} (flow-manager's {@code queue_join}): the call {@code reference_id} waits in
 * {@code queue_id}. {@code variables} are the activeflow's: the queue's {@code priority_variable} is read from
 * them. Another customer's queue is {@code 404}: the flow's action fails instead of the call waiting forever.
 */
public record QueuecallCreate(
        @NotNull UUID customerId,
        @NotNull UUID queueId,
        @Pattern(regexp = "call") String referenceType,
        @NotNull UUID referenceId,
        UUID activeflowId,
        Map<String, String> variables) {

    public QueuecallCreate {
        referenceType = referenceType == null ? "call" : referenceType;
        variables = variables == null ? Map.of() : Map.copyOf(variables);
    }
}
