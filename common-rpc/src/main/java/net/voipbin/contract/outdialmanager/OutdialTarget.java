package net.voipbin.contract.outdialmanager;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One person to call: up to 5 destinations (E.164 numbers, tried in order, slot = index), each with its
 * own try count; {@code data} is the customer's own fields (CSV columns beyond the known ones).
 * {@code time_zone} (IANA) is the one given, else derived from the first destination's number.
 * {@code next_try_at}: when an idle target may be dialled next; {@code claim_expires_at}: while
 * progressing, when the dialer's claim lapses and the target may be claimed again.
 */
public record OutdialTarget(
        UUID id,
        UUID customerId,
        UUID outdialId,
        String name,
        String detail,
        Map<String, Object> data,
        List<Destination> destinations,
        OutdialTargetStatus status,
        String timeZone,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant nextTryAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant claimExpiresAt,
        Instant tmCreate,
        Instant tmUpdate) {

    public OutdialTarget {
        data = data == null ? Map.of() : data;
        destinations = destinations == null ? List.of() : List.copyOf(destinations);
    }

    /** A destination slot: its E.164 number and how many attempts it has had. */
    public record Destination(String number, int tryCount) {
    }
}
