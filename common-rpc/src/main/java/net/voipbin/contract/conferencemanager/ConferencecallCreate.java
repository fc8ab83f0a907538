package net.voipbin.contract.conferencemanager;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/**
 * {@code POST /v1/conferencecalls}: flow-manager's {@code conference_join}. {@code reference_type} is
 * {@code call} (the only kind today), {@code reference_id} the call. {@code role} defaults to participant.
 */
public record ConferencecallCreate(
        @NotNull UUID customerId,
        @NotNull UUID conferenceId,
        String referenceType,
        @NotNull UUID referenceId,
        UUID activeflowId,
        Conferencecall.Role role) {
}
