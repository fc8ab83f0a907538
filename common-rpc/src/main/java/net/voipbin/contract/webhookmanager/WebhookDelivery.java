package net.voipbin.contract.webhookmanager;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One event on its way to one webhook. {@code message_id} is the Standard Webhooks {@code webhook-id}
 * header: the same on every attempt and on a replay, so receivers can de-duplicate. Status:
 * {@code pending}, {@code delivered}, {@code failed} (gave up, or the endpoint answered 410) or
 * {@code cancelled} (the webhook was deleted or disabled first).
 */
public record WebhookDelivery(
        UUID id,
        UUID customerId,
        UUID webhookId,
        String messageId,
        String eventType,
        String status,
        int attempts,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant nextAttemptAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer lastStatusCode,
        @JsonInclude(JsonInclude.Include.NON_NULL) String lastError,
        @JsonInclude(JsonInclude.Include.NON_NULL) UUID replayOf,
        Instant tmCreate,
        Instant tmUpdate) {
}
