package net.voipbin.webhookmanager.delivery;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import net.voipbin.webhookmanager.signing.WebhookSecret;

/**
 * A due delivery this instance has leased, with what an attempt needs: the endpoint, the secrets that
 * sign now (current first), and whether the webhook is still enabled and not deleted.
 */
record ClaimedDelivery(
        UUID id,
        UUID customerId,
        UUID webhookId,
        String messageId,
        String eventType,
        byte[] payload,
        int attemptsSoFar,
        String url,
        boolean active,
        List<WebhookSecret> secrets) {

    /** Circuit breaker and bulkhead key: scheme, host and port, so one dead host slows only its own webhooks. */
    String endpoint() {
        URI uri = URI.create(url);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return (uri.getScheme() + "://" + uri.getHost() + ":" + port).toLowerCase(Locale.ROOT);
    }

    int attemptNumber() {
        return attemptsSoFar + 1;
    }
}
