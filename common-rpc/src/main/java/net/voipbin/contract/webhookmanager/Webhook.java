package net.voipbin.contract.webhookmanager;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A customer's webhook endpoint. {@code event_types} empty means every event type. {@code secret} is
 * present only in the answer to create and rotate (shown once); {@code disabled_reason} says why the
 * service disabled it (an endpoint answering 410 Gone).
 */
public record Webhook(
        UUID id,
        UUID customerId,
        String url,
        List<String> eventTypes,
        boolean enabled,
        String description,
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant previousSecretExpires,
        @JsonInclude(JsonInclude.Include.NON_NULL) String disabledReason,
        Instant tmCreate,
        Instant tmUpdate) {

    public Webhook {
        eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
    }

    /** The same webhook without its secret, as every read shows it. */
    public Webhook withoutSecret() {
        return new Webhook(id, customerId, url, eventTypes, enabled, description, null, previousSecretExpires,
                disabledReason, tmCreate, tmUpdate);
    }
}
