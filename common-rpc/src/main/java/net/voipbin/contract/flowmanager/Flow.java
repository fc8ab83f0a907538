package net.voipbin.contract.flowmanager;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored call flow, as REST shows it. */
public record Flow(
        UUID id,
        UUID customerId,
        String name,
        String detail,
        List<Action> actions,
        Instant tmCreate,
        Instant tmUpdate) {

    public Flow {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
