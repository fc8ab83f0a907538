package net.voipbin.contract.flowmanager;

import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * Body of {@code POST /v1/activeflows}: run {@code flow_id} for a reference (an inbound call, say),
 * seeded with {@code variables} (call-manager passes {@code voipbin.call.source} and friends).
 */
public record ActiveflowCreate(
        @NotNull UUID customerId,
        @NotNull UUID flowId,
        @NotNull Activeflow.ReferenceType referenceType,
        @NotNull UUID referenceId,
        Map<String, String> variables) {

    public ActiveflowCreate {
        variables = variables == null ? Map.of() : Map.copyOf(variables);
    }
}
