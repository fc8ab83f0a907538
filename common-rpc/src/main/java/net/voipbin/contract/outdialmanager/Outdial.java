package net.voipbin.contract.outdialmanager;

import java.time.Instant;
import java.util.UUID;

/** A customer's target list: campaigns dial its targets. */
public record Outdial(
        UUID id,
        UUID customerId,
        String name,
        String detail,
        Instant tmCreate,
        Instant tmUpdate) {
}
