package net.voipbin.contract.flowmanager;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A running flow, as REST shows it and {@code activeflow_*} events carry it. */
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
        Instant tmEnd) {

    public enum ReferenceType { CALL, CAMPAIGN, API }

    public enum Status { RUNNING, ENDED }
}
