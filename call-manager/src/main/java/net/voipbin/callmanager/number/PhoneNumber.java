package net.voipbin.callmanager.number;

import java.time.Instant;
import java.util.UUID;

/** {@code /v1.0/numbers} resource: an E.164 number routed to one of the customer's flows. */
public record PhoneNumber(UUID id, UUID customerId, String number, UUID flowId, String name, Instant tmCreate,
        Instant tmUpdate) {
}
