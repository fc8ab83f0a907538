package net.voipbin.webhookmanager.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import net.voipbin.contract.webhookmanager.WebhookAttempt;
import net.voipbin.contract.webhookmanager.WebhookDelivery;
import net.voipbin.rpc.rest.PageQuery;

/** The delivery log as customers read it, and replays. Every query is scoped by customer_id. */
@Repository
class DeliveryLogRepository {

    private final JdbcClient jdbc;

    DeliveryLogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<WebhookDelivery> list(UUID customerId, UUID webhookId, String status, PageQuery page) {
        Instant after = page.cursor().map(c -> c.tmCreate()).orElse(Instant.parse("9999-12-31T00:00:00Z"));
        UUID afterId = page.cursor().map(c -> c.id()).orElse(new UUID(-1L, -1L));
        return jdbc.sql("SELECT " + DeliveryRows.COLUMNS + " FROM deliveries d "
                        + "WHERE d.customer_id = :customer AND d.webhook_id = :webhook "
                        + "AND (CAST(:status AS text) IS NULL OR d.status = :status) "
                        + "AND (d.tm_create, d.id) < (:after, :afterId) ORDER BY d.tm_create DESC, d.id DESC LIMIT :limit")
                .param("customer", customerId).param("webhook", webhookId).param("status", status)
                .param("after", DeliveryRows.odt(after)).param("afterId", afterId).param("limit", page.pageSize() + 1)
                .query(DeliveryRows::delivery).list();
    }

    Optional<WebhookDelivery> find(UUID customerId, UUID webhookId, UUID id) {
        return jdbc.sql("SELECT " + DeliveryRows.COLUMNS + " FROM deliveries d "
                        + "WHERE d.id = :id AND d.customer_id = :customer AND d.webhook_id = :webhook")
                .param("id", id).param("customer", customerId).param("webhook", webhookId)
                .query(DeliveryRows::delivery).optional();
    }

    List<WebhookAttempt> attempts(UUID deliveryId) {
        return jdbc.sql("SELECT attempt, tm_attempt, status_code, latency_ms, error FROM delivery_attempts "
                        + "WHERE delivery_id = :id ORDER BY attempt")
                .param("id", deliveryId)
                .query((rs, row) -> {
                    int code = rs.getInt("status_code");
                    return new WebhookAttempt(rs.getInt("attempt"), DeliveryRows.instant(rs, "tm_attempt"),
                            rs.wasNull() ? null : code, rs.getLong("latency_ms"), rs.getString("error"));
                }).list();
    }

    /** A new pending delivery of the same message (same webhook-id, same bytes), due now. */
    Optional<WebhookDelivery> replay(UUID customerId, UUID webhookId, UUID id) {
        return jdbc.sql(replaySql("x.id = :id") + " RETURNING " + DeliveryRows.COLUMNS)
                .param("id", id).param("customer", customerId).param("webhook", webhookId)
                .query(DeliveryRows::delivery).optional();
    }

    /** Replays every failed delivery created since {@code since} that no earlier replay has delivered or is delivering. */
    int replayFailedSince(UUID customerId, UUID webhookId, Instant since) {
        return jdbc.sql(replaySql("""
                        x.status = 'failed' AND x.tm_create >= :since
                        AND NOT EXISTS (SELECT 1 FROM deliveries r WHERE r.replay_of = x.id
                                        AND r.status IN ('pending', 'delivered'))"""))
                .param("customer", customerId).param("webhook", webhookId).param("since", DeliveryRows.odt(since))
                .update();
    }

    /** The volatile gen_random_uuid() sits in the inner select list, so every copied row gets its own id. */
    private static String replaySql(String condition) {
        return """
                INSERT INTO deliveries AS d (id, customer_id, webhook_id, message_id, event_key, event_type, payload,
                                             status, attempts, next_attempt_at, replay_of, tm_create, tm_update)
                SELECT o.new_id, o.customer_id, o.webhook_id, o.message_id, 'replay:' || o.new_id, o.event_type,
                       o.payload, 'pending', 0, now(), o.id, now(), now()
                FROM (SELECT gen_random_uuid() AS new_id, x.* FROM deliveries x
                      WHERE x.customer_id = :customer AND x.webhook_id = :webhook AND\s""" + condition + ") o";
    }
}
