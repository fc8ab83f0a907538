package net.voipbin.contract.flowmanager;

import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * Body of {@code POST /v1/activeflows}: run {@code flow_id} for a reference (an inbound call, say),
 * seeded with {@code variables} (call-manager passes {@code voipbin.call.source} and friends).
 * {@code id} (optional) is the activeflow's id chosen by the caller, so that it can store the link
 * together with its own record before asking, and a retried request starts nothing twice.
 */
public record ActiveflowCreate(
        UUID id,
        @NotNull UUID customerId,
        @NotNull UUID flowId,
        @NotNull Activeflow.ReferenceType referenceType,
        @NotNull UUID referenceId,
        Map<String, String> variables) {

    public ActiveflowCreate {
        variables = variables == null ? Map.of() : Map.copyOf(variables);
    }

    /** An activeflow whose id flow-manager chooses. */
    public ActiveflowCreate(UUID customerId, UUID flowId, Activeflow.ReferenceType referenceType, UUID referenceId,
            Map<String, String> variables) {
        this(null, customerId, flowId, referenceType, referenceId, variables);
    }
}
