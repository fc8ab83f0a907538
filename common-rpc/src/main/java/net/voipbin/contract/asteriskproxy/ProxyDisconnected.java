package net.voipbin.contract.asteriskproxy;

import java.time.Instant;

/**
 * {@code proxy_disconnected} payload: the proxy stopped listening to the Asterisk {@code asteriskId} at
 * {@code disconnectedAt} (it is shutting down). Published last, after every event it received, so a
 * consumer knows that channels missing from the next {@code proxy_connected} of this Asterisk (from a
 * proxy that started afresh and cannot tell) ended no earlier than this.
 */
public record ProxyDisconnected(String asteriskId, Instant disconnectedAt) {

    public ProxyDisconnected {
        if (asteriskId == null || asteriskId.isBlank()) {
            throw new IllegalArgumentException("asterisk_id is required");
        }
        if (disconnectedAt == null) {
            throw new IllegalArgumentException("disconnected_at is required");
        }
    }
}
