package net.voipbin.contract.flowmanager;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A running flow, as REST shows it and {@code activeflow_*} events carry it. {@code error} is set when the
 * flow ended because an action failed (a service unavailable, the execute-count guard, ...).
 */
public record Activeflow(
        UUID id,
        UUID customerId,
        UUID flowId,
        ReferenceType referenceType,
        UUID referenceId,
        String currentActionId,
        Status status,
        Map<String, String> variables,
        Instant tmCreate,
        Instant tmUpdate,
        Instant tmEnd,
        @JsonInclude(JsonInclude.Include.NON_NULL) String error) {

    /** Without an error: an activeflow that runs or ended normally. */
    public Activeflow(UUID id, UUID customerId, UUID flowId, ReferenceType referenceType, UUID referenceId,
            String currentActionId, Status status, Map<String, String> variables, Instant tmCreate,
            Instant tmUpdate, Instant tmEnd) {
        this(id, customerId, flowId, referenceType, referenceId, currentActionId, status, variables, tmCreate,
                tmUpdate, tmEnd, null);
    }

    public enum ReferenceType { CALL, CAMPAIGN, API }

    public enum Status { RUNNING, ENDED }
}
