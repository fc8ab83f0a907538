package net.voipbin.webhookmanager.webhook;

import java.util.List;

/** REST request bodies of {@link WebhookController}. */
final class WebhookRequests {

    private WebhookRequests() {
    }

    /** {@code event_types} absent or empty = every event type; {@code enabled} defaults to true. */
    record Create(String url, List<String> eventTypes, Boolean enabled, String description) {
    }

    /** Absent fields stay as they are. Enabling clears a disabled reason. */
    record Update(String url, List<String> eventTypes, Boolean enabled, String description) {
    }

    /** {@code grace_period_seconds}: how long the old secret keeps signing (default configured, 0..7 days). */
    record Rotation(Long gracePeriodSeconds) {
    }
}
