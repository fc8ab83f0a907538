package net.voipbin.webhookmanager.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;

import net.voipbin.contract.webhookmanager.WebhookDelivery;
import net.voipbin.webhookmanager.signing.SecretCipher;
import net.voipbin.webhookmanager.signing.WebhookSecret;

/** Row mapping shared by the delivery repositories. */
final class DeliveryRows {

    static final String COLUMNS = "d.id, d.customer_id, d.webhook_id, d.message_id, d.event_type, d.status, "
            + "d.attempts, d.next_attempt_at, d.last_status_code, d.last_error, d.replay_of, d.tm_create, d.tm_update";

    /** What an attempt needs of a claimed delivery {@code d} and its webhook {@code w} (see {@link #claimed(SecretCipher)}). */
    static final String CLAIMED = "d.id, d.customer_id, d.webhook_id, d.message_id, d.event_type, d.payload, d.attempts, "
            + "w.url, w.enabled AND w.tm_delete IS NULL AS active, w.secret, "
            + "CASE WHEN w.previous_secret_expires > now() THEN w.previous_secret END AS previous_secret";

    private DeliveryRows() {
    }

    static OffsetDateTime odt(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static WebhookDelivery delivery(ResultSet rs, int row) throws SQLException {
        int code = rs.getInt("last_status_code");
        Integer lastCode = rs.wasNull() ? null : code;
        return new WebhookDelivery(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                rs.getObject("webhook_id", UUID.class), rs.getString("message_id"), rs.getString("event_type"),
                rs.getString("status"), rs.getInt("attempts"), instant(rs, "next_attempt_at"), lastCode,
                rs.getString("last_error"), rs.getObject("replay_of", UUID.class), instant(rs, "tm_create"),
                instant(rs, "tm_update"));
    }

    /** The secrets are stored encrypted: {@code cipher} decrypts them for signing. */
    static RowMapper<ClaimedDelivery> claimed(SecretCipher cipher) {
        return (rs, row) -> {
            UUID webhookId = rs.getObject("webhook_id", UUID.class);
            List<WebhookSecret> secrets = new ArrayList<>(List.of(cipher.open(webhookId, rs.getString("secret"))));
            String previous = rs.getString("previous_secret");
            if (previous != null) {
                secrets.add(cipher.open(webhookId, previous));
            }
            return new ClaimedDelivery(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                    webhookId, rs.getString("message_id"), rs.getString("event_type"),
                    rs.getBytes("payload"), rs.getInt("attempts"), rs.getString("url"), rs.getBoolean("active"),
                    List.copyOf(secrets));
        };
    }
}
