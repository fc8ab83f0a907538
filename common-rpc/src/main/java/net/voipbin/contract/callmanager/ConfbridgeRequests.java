package net.voipbin.contract.callmanager;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** Bodies of call-manager's confbridge routes. */
public final class ConfbridgeRequests {

    private ConfbridgeRequests() {
    }

    /** {@code POST /v1/confbridges}. */
    public record Create(@NotNull UUID customerId, Confbridge.Type type) {
    }

    /** {@code POST /v1/confbridges/<id>/join} and {@code /kick}. */
    public record Member(@NotNull UUID callId) {
    }
}
