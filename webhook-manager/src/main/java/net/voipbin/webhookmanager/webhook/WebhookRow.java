package net.voipbin.webhookmanager.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import net.voipbin.contract.webhookmanager.Webhook;
import net.voipbin.webhookmanager.signing.WebhookSecret;

/** A webhook as stored, secrets included. Never serialized: {@link #toWebhook()} is what leaves. */
record WebhookRow(
        UUID id,
        UUID customerId,
        String url,
        List<String> eventTypes,
        boolean enabled,
        String description,
        WebhookSecret secret,
        WebhookSecret previousSecret,
        Instant previousSecretExpires,
        String disabledReason,
        Instant tmCreate,
        Instant tmUpdate) {

    Webhook toWebhook() {
        return new Webhook(id, customerId, url, eventTypes, enabled, description, null, previousSecretExpires,
                disabledReason, tmCreate, tmUpdate);
    }

    /** The answer to create and rotate: the only time the secret leaves the service. */
    Webhook toWebhookWithSecret() {
        return new Webhook(id, customerId, url, eventTypes, enabled, description, secret.value(),
                previousSecretExpires, disabledReason, tmCreate, tmUpdate);
    }

    /** Secrets that sign at {@code now}: the current one first, the previous one during its grace period. */
    List<WebhookSecret> signingSecrets(Instant now) {
        List<WebhookSecret> secrets = new ArrayList<>(List.of(secret));
        if (previousSecret != null && previousSecretExpires != null && previousSecretExpires.isAfter(now)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }
}
