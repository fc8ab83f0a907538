package net.voipbin.contract.webhookmanager;

/** Event types webhook-manager publishes on {@code bin-manager.event} (routing key {@code webhook-manager.<type>}). */
public final class WebhookManagerEvents {

    /** A delivery gave up after its last attempt; data is the {@link WebhookDelivery}. */
    public static final String WEBHOOK_DELIVERY_FAILED = "webhook_delivery_failed";

    private WebhookManagerEvents() {
    }
}
