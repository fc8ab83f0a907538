package net.voipbin.contract.flowmanager;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * Body of {@code POST /v1/flows}: another service stores a flow for a customer (call-manager does, for
 * an outbound call created with inline actions). Validated like {@code POST /v1.0/flows}.
 */
public record FlowCreate(@NotNull UUID customerId, String name, String detail, @NotEmpty List<Action> actions) {
}
