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

    /**
     * Circuit breaker and bulkhead key: the endpoint as the customer configured it (scheme, host, port
     * and path), so a dead endpoint slows only the deliveries addressed to it, even when many
     * customers' endpoints share one host.
     */
    String endpoint() {
        URI uri = URI.create(url);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return (uri.getScheme() + "://" + uri.getHost()).toLowerCase(Locale.ROOT) + ":" + port + path;
    }

    int attemptNumber() {
        return attemptsSoFar + 1;
    }
}
