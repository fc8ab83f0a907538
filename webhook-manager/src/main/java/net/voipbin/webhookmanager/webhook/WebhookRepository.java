package net.voipbin.webhookmanager.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import net.voipbin.rpc.rest.PageQuery;
import net.voipbin.webhookmanager.signing.SecretCipher;
import net.voipbin.webhookmanager.signing.StoredSecrets;
import net.voipbin.webhookmanager.signing.WebhookSecret;

/**
 * Webhooks in PostgreSQL; every customer-facing query is scoped by customer_id. Times come from the database
 * clock. Secrets are written encrypted and decrypted as rows are read ({@link SecretCipher}).
 */
@Repository
class WebhookRepository implements StoredSecrets {

    private static final String COLUMNS = "id, customer_id, url, event_types, enabled, description, secret, "
            + "previous_secret, previous_secret_expires, disabled_reason, tm_create, tm_update";

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    WebhookRepository(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    WebhookRow insert(UUID id, UUID customerId, String url, List<String> eventTypes, boolean enabled,
            String description, WebhookSecret secret) {
        return jdbc.sql("INSERT INTO webhooks (id, customer_id, url, event_types, enabled, description, secret, "
                        + "tm_create, tm_update) VALUES (:id, :customer, :url, :types, :enabled, :description, :secret, "
                        + "now(), now()) RETURNING " + COLUMNS)
                .param("id", id).param("customer", customerId).param("url", url)
                .param("types", eventTypes.toArray(String[]::new)).param("enabled", enabled)
                .param("description", description).param("secret", cipher.seal(id, secret))
                .query(this::map).single();
    }

    Optional<WebhookRow> find(UUID customerId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhooks WHERE id = :id AND customer_id = :customer AND tm_delete IS NULL")
                .param("id", id).param("customer", customerId)
                .query(this::map).optional();
    }

    /** Up to page size + 1 rows, newest first, after the cursor. */
    List<WebhookRow> list(UUID customerId, PageQuery page) {
        Instant after = page.cursor().map(c -> c.tmCreate()).orElse(Instant.parse("9999-12-31T00:00:00Z"));
        UUID afterId = page.cursor().map(c -> c.id()).orElse(new UUID(-1L, -1L));
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhooks WHERE customer_id = :customer AND tm_delete IS NULL "
                        + "AND (tm_create, id) < (:after, :afterId) ORDER BY tm_create DESC, id DESC LIMIT :limit")
                .param("customer", customerId).param("after", odt(after)).param("afterId", afterId)
                .param("limit", page.pageSize() + 1)
                .query(this::map).list();
    }

    WebhookRow update(WebhookRow row) {
        return jdbc.sql("UPDATE webhooks SET url = :url, event_types = :types, enabled = :enabled, "
                        + "description = :description, disabled_reason = :reason, tm_update = now() "
                        + "WHERE id = :id AND customer_id = :customer AND tm_delete IS NULL RETURNING " + COLUMNS)
                .param("id", row.id()).param("customer", row.customerId()).param("url", row.url())
                .param("types", row.eventTypes().toArray(String[]::new)).param("enabled", row.enabled())
                .param("description", row.description()).param("reason", row.disabledReason())
                .query(this::map).single();
    }

    /** The current secret becomes the previous one, valid for {@code graceSeconds} more. */
    Optional<WebhookRow> rotate(UUID customerId, UUID id, WebhookSecret secret, long graceSeconds) {
        return jdbc.sql("UPDATE webhooks SET previous_secret = secret, secret = :secret, "
                        + "previous_secret_expires = now() + make_interval(secs => :grace), tm_update = now() "
                        + "WHERE id = :id AND customer_id = :customer AND tm_delete IS NULL RETURNING " + COLUMNS)
                .param("id", id).param("customer", customerId).param("secret", cipher.seal(id, secret))
                .param("grace", (double) graceSeconds)
                .query(this::map).optional();
    }

    boolean delete(UUID customerId, UUID id) {
        return jdbc.sql("UPDATE webhooks SET tm_delete = now(), tm_update = now() "
                        + "WHERE id = :id AND customer_id = :customer AND tm_delete IS NULL")
                .param("id", id).param("customer", customerId).update() == 1;
    }

    /** Disabled by the service itself (the endpoint answered 410 Gone). */
    void disable(UUID id, String reason) {
        jdbc.sql("UPDATE webhooks SET enabled = false, disabled_reason = :reason, tm_update = now() WHERE id = :id")
                .param("id", id).param("reason", reason).update();
    }

    @Override
    public List<Row> notUnderKey(String keyId, UUID after, int limit) {
        return jdbc.sql("SELECT id, secret, previous_secret FROM webhooks WHERE id > :after "
                        + "AND (secret NOT LIKE :sealed OR previous_secret NOT LIKE :sealed) ORDER BY id LIMIT :limit")
                .param("after", after).param("sealed", "v1:" + keyId + ":%").param("limit", limit)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("secret"),
                        rs.getString("previous_secret")))
                .list();
    }

    /** Not a change the customer made: tm_update stays. */
    @Override
    public boolean replace(Row old, String secret, String previousSecret) {
        return jdbc.sql("UPDATE webhooks SET secret = :secret, previous_secret = :previous WHERE id = :id "
                        + "AND secret = :oldSecret AND previous_secret IS NOT DISTINCT FROM CAST(:oldPrevious AS text)")
                .param("secret", secret).param("previous", previousSecret).param("id", old.webhookId())
                .param("oldSecret", old.secret()).param("oldPrevious", old.previousSecret())
                .update() == 1;
    }

    static OffsetDateTime odt(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private WebhookRow map(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String previous = rs.getString("previous_secret");
        return new WebhookRow(id, rs.getObject("customer_id", UUID.class),
                rs.getString("url"), Arrays.asList((String[]) rs.getArray("event_types").getArray()),
                rs.getBoolean("enabled"), rs.getString("description"), cipher.open(id, rs.getString("secret")),
                previous == null ? null : cipher.open(id, previous), instant(rs, "previous_secret_expires"),
                rs.getString("disabled_reason"), instant(rs, "tm_create"), instant(rs, "tm_update"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
