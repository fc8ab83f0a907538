package net.voipbin.webhookmanager.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import net.voipbin.contract.webhookmanager.WebhookDelivery;
import net.voipbin.webhookmanager.signing.SecretCipher;

/**
 * The delivery queue in PostgreSQL. Due times use the database clock, so several instances agree on
 * what is due. A claimed row is leased (its due time pushed past the lease) rather than held in a
 * transaction across the HTTP call.
 */
@Repository
class DeliveryRepository {

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

    private static final String COMPLETE = """
            WITH input AS (
                SELECT * FROM unnest(?::uuid[], ?::int[], ?::bigint[], ?::int[], ?::bigint[], ?::text[], ?::text[],
                                     ?::float8[])
                     AS i(id, attempt, at_micros, code, latency, error, status, delay)),
            logged AS (
                INSERT INTO delivery_attempts (delivery_id, attempt, tm_attempt, status_code, latency_ms, error)
                SELECT id, attempt, to_timestamp(at_micros / 1e6), code, latency, error FROM input
                ON CONFLICT DO NOTHING)
            UPDATE deliveries d SET status = i.status, attempts = i.attempt,
                next_attempt_at = CASE WHEN i.status = 'pending' THEN now() + make_interval(secs => i.delay) END,
                last_status_code = i.code, last_error = i.error, tm_update = now()
            FROM input i
            WHERE d.id = i.id AND d.status = 'pending'
            RETURNING d.id
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final RowMapper<ClaimedDelivery> claimed;

    DeliveryRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.claimed = DeliveryRows.claimed(cipher);
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
                        created.add(claimed.mapRow(rs, created.size()));
                    }
                }
                return created;
            }
        });
    }

    /**
     * Leases up to {@code limit} due deliveries; instances skip each other's locked rows. A parked delivery
     * is due only when its lease has ended unclaimed by its endpoint; from here on it is parked no more.
     */
    List<ClaimedDelivery> claim(int limit, Duration lease) {
        return jdbc.sql("""
                WITH due AS (
                    SELECT id FROM deliveries
                    WHERE status = 'pending' AND next_attempt_at <= now()
                    ORDER BY next_attempt_at LIMIT :limit
                    FOR UPDATE SKIP LOCKED)
                UPDATE deliveries d SET next_attempt_at = now() + make_interval(secs => :lease), parked_on = NULL
                FROM due, webhooks w
                WHERE d.id = due.id AND w.id = d.webhook_id
                RETURNING\s""" + DeliveryRows.CLAIMED)
                .param("limit", limit).param("lease", (double) lease.toSeconds())
                .query(claimed).list();
    }

    /**
     * Ends this instance's lease on deliveries it claimed but will not attempt (it is stopping): they are
     * due now, for another instance or the next one to start, instead of when the lease would end.
     */
    int handBack(List<UUID> ids) {
        return jdbcTemplate.execute((Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    UPDATE deliveries SET next_attempt_at = now(), parked_on = NULL
                    WHERE id = ANY (?::uuid[]) AND status = 'pending'""")) {
                statement.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                return statement.executeUpdate();
            }
        });
    }

    /**
     * Logs each attempt and moves its delivery on, the whole batch in one statement. A count of 0 means
     * the delivery was no longer pending.
     */
    int[] completeAll(List<Completion> completions) {
        Set<UUID> updated = jdbcTemplate.execute((Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement(COMPLETE)) {
                statement.setArray(1, array(connection, "uuid", completions, Completion::id));
                statement.setArray(2, array(connection, "int4", completions, Completion::attempt));
                statement.setArray(3, array(connection, "int8", completions, c -> ChronoUnit.MICROS.between(Instant.EPOCH, c.result().at())));
                statement.setArray(4, array(connection, "int4", completions, c -> c.result().statusCode()));
                statement.setArray(5, array(connection, "int8", completions, c -> c.result().latencyMs()));
                statement.setArray(6, array(connection, "text", completions, c -> c.result().error()));
                statement.setArray(7, array(connection, "text", completions, c -> c.decision().status()));
                statement.setArray(8, array(connection, "float8", completions, c -> c.decision().delay().toMillis() / 1000.0));
                Set<UUID> ids = new HashSet<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
                return ids;
            }
        });
        return completions.stream().mapToInt(c -> updated.contains(c.id()) ? 1 : 0).toArray();
    }

    private static <T> java.sql.Array array(Connection connection, String type, List<T> items,
            java.util.function.Function<T, Object> field) throws SQLException {
        return connection.createArrayOf(type, items.stream().map(field).toArray());
    }

    Optional<WebhookDelivery> find(UUID id) {
        return jdbc.sql("SELECT " + DeliveryRows.COLUMNS + " FROM deliveries d WHERE d.id = :id")
                .param("id", id).query(DeliveryRows::delivery).optional();
    }

    void cancel(UUID id) {
        jdbc.sql("UPDATE deliveries SET status = 'cancelled', next_attempt_at = NULL, "
                        + "last_error = 'webhook disabled or deleted', tm_update = now() WHERE id = :id AND status = 'pending'")
                .param("id", id).update();
    }
}
