package net.voipbin.webhookmanager.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.contract.webhookmanager.WebhookDelivery;
import net.voipbin.webhookmanager.signing.WebhookSecret;

/**
 * The delivery queue in PostgreSQL. Due times use the database clock, so several instances agree on
 * what is due. A claimed row is leased (its due time pushed past the lease) rather than held in a
 * transaction across the HTTP call.
 */
@Repository
class DeliveryRepository {

    static final String COLUMNS = "d.id, d.customer_id, d.webhook_id, d.message_id, d.event_type, d.status, "
            + "d.attempts, d.next_attempt_at, d.last_status_code, d.last_error, d.replay_of, d.tm_create, d.tm_update";

    /** The deliveries come back as leased, ready for their first attempt (see {@link #enqueueAll}). */
    private static final String ENQUEUE = """
            WITH created AS (
                INSERT INTO deliveries (id, customer_id, webhook_id, message_id, event_key, event_type, payload,
                                        status, attempts, next_attempt_at, tm_create, tm_update)
                SELECT gen_random_uuid(), w.customer_id, w.id, e.message_id, e.event_key, e.type, e.payload,
                       'pending', 0, now() + make_interval(secs => ?), now(), now()
                FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::bytea[], ?::uuid[])
                     AS e(customer_id, type, event_key, message_id, payload, about)
                JOIN webhooks w ON w.customer_id = e.customer_id AND w.enabled AND w.tm_delete IS NULL
                     AND (e.type = ANY (w.event_types)
                          OR (cardinality(w.event_types) = 0 AND e.type <> 'webhook_delivery_failed'))
                     AND w.id <> e.about
                ON CONFLICT (webhook_id, event_key) DO NOTHING
                RETURNING id, customer_id, webhook_id, message_id, event_type, payload, attempts)
            SELECT d.*, w.url, w.enabled AND w.tm_delete IS NULL AS active, w.secret,
                   CASE WHEN w.previous_secret_expires > now() THEN w.previous_secret END AS previous_secret
            FROM created d JOIN webhooks w ON w.id = d.webhook_id
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate transaction;

    DeliveryRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate, NamedParameterJdbcTemplate named,
            TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.named = named;
        this.transaction = transaction;
    }

    /** One event to enqueue for its customer's matching webhooks. */
    record Enqueue(UUID customerId, String eventType, String eventKey, String messageId, byte[] payload,
            UUID aboutWebhook) {
    }

    /** One attempt's outcome to record. */
    record Completion(UUID id, int attempt, AttemptResult result, RetryPolicy.Decision decision) {
    }

    /**
     * One pending delivery per matching enabled webhook of the customer, for a whole batch of events in
     * one statement. A webhook with no event types takes every type except webhook_delivery_failed
     * (that one only when asked for by name); a failure is never delivered to the webhook it is about.
     * A redelivered event conflicts on (webhook_id, event_key) and adds nothing. The new deliveries are
     * due after {@code dueIn}: the caller that attempts them at once passes the lease, so that no other
     * instance picks them meanwhile (and a crash leaves them to the scheduler when the lease ends).
     */
    List<ClaimedDelivery> enqueueAll(List<Enqueue> events, Duration dueIn) {
        return jdbcTemplate.execute((Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement(ENQUEUE)) {
                statement.setDouble(1, dueIn.toMillis() / 1000.0);
                statement.setArray(2, connection.createArrayOf("uuid", events.stream().map(Enqueue::customerId).toArray()));
                statement.setArray(3, connection.createArrayOf("text", events.stream().map(Enqueue::eventType).toArray()));
                statement.setArray(4, connection.createArrayOf("text", events.stream().map(Enqueue::eventKey).toArray()));
                statement.setArray(5, connection.createArrayOf("text", events.stream().map(Enqueue::messageId).toArray()));
                statement.setArray(6, connection.createArrayOf("bytea", events.stream().map(Enqueue::payload).toArray(byte[][]::new)));
                statement.setArray(7, connection.createArrayOf("uuid", events.stream().map(Enqueue::aboutWebhook).toArray()));
                List<ClaimedDelivery> created = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        created.add(claimed(rs, created.size()));
                    }
                }
                return created;
            }
        });
    }

    /** Leases up to {@code limit} due deliveries; instances skip each other's locked rows. */
    List<ClaimedDelivery> claim(int limit, Duration lease) {
        return jdbc.sql("""
                WITH due AS (
                    SELECT id FROM deliveries
                    WHERE status = 'pending' AND next_attempt_at <= now()
                    ORDER BY next_attempt_at LIMIT :limit
                    FOR UPDATE SKIP LOCKED)
                UPDATE deliveries d SET next_attempt_at = now() + make_interval(secs => :lease)
                FROM due, webhooks w
                WHERE d.id = due.id AND w.id = d.webhook_id
                RETURNING d.id, d.customer_id, d.webhook_id, d.message_id, d.event_type, d.payload, d.attempts,
                          w.url, w.enabled AND w.tm_delete IS NULL AS active, w.secret,
                          CASE WHEN w.previous_secret_expires > now() THEN w.previous_secret END AS previous_secret
                """)
                .param("limit", limit).param("lease", (double) lease.toSeconds())
                .query(DeliveryRepository::claimed).list();
    }

    /**
     * Logs each attempt and moves its delivery on, one statement each, one transaction for the batch.
     * A count of 0 means the delivery was no longer pending.
     */
    int[] completeAll(List<Completion> completions) {
        SqlParameterSource[] batch = completions.stream().map(c -> new MapSqlParameterSource()
                .addValue("id", c.id()).addValue("attempt", c.attempt()).addValue("at", odt(c.result().at()))
                .addValue("code", c.result().statusCode()).addValue("latency", c.result().latencyMs())
                .addValue("error", c.result().error()).addValue("status", c.decision().status())
                .addValue("delay", c.decision().delay().toMillis() / 1000.0)).toArray(SqlParameterSource[]::new);
        return transaction.execute(status -> named.batchUpdate("""
                WITH logged AS (
                    INSERT INTO delivery_attempts (delivery_id, attempt, tm_attempt, status_code, latency_ms, error)
                    VALUES (:id, :attempt, :at, CAST(:code AS int), :latency, CAST(:error AS text))
                    ON CONFLICT DO NOTHING)
                UPDATE deliveries d SET status = :status, attempts = :attempt,
                    next_attempt_at = CASE WHEN CAST(:status AS text) = 'pending'
                                      THEN now() + make_interval(secs => :delay) END,
                    last_status_code = CAST(:code AS int), last_error = CAST(:error AS text), tm_update = now()
                WHERE d.id = :id AND d.status = 'pending'
                """, batch));
    }

    Optional<WebhookDelivery> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM deliveries d WHERE d.id = :id")
                .param("id", id).query(DeliveryRepository::delivery).optional();
    }

    /** Gives a leased delivery back without an attempt (its endpoint is busy). */
    void postpone(UUID id, Duration delay) {
        jdbc.sql("UPDATE deliveries SET next_attempt_at = now() + make_interval(secs => :delay) "
                        + "WHERE id = :id AND status = 'pending'")
                .param("id", id).param("delay", delay.toMillis() / 1000.0).update();
    }

    void cancel(UUID id) {
        jdbc.sql("UPDATE deliveries SET status = 'cancelled', next_attempt_at = NULL, "
                        + "last_error = 'webhook disabled or deleted', tm_update = now() WHERE id = :id AND status = 'pending'")
                .param("id", id).update();
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

    private static ClaimedDelivery claimed(ResultSet rs, int row) throws SQLException {
        List<WebhookSecret> secrets = new ArrayList<>(List.of(new WebhookSecret(rs.getString("secret"))));
        String previous = rs.getString("previous_secret");
        if (previous != null) {
            secrets.add(new WebhookSecret(previous));
        }
        return new ClaimedDelivery(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                rs.getObject("webhook_id", UUID.class), rs.getString("message_id"), rs.getString("event_type"),
                rs.getBytes("payload"), rs.getInt("attempts"), rs.getString("url"), rs.getBoolean("active"),
                List.copyOf(secrets));
    }
}
