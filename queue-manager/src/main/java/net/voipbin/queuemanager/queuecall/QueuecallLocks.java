package net.voipbin.queuemanager.queuecall;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL Spring Data JDBC's derived queries cannot say: row locks, the dispatch claim, positions and the
 * round-robin cursor. Every method runs inside the caller's transaction.
 */
@Component
class QueuecallLocks {

    private static final String LIVE = "('INITIATING', 'WAITING', 'OFFERING', 'CONNECTED')";

    private final JdbcClient jdbc;

    QueuecallLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The head of the queue's line: highest priority, then first come. SKIP LOCKED: a caller another instance
     * (or thread) is offering right now is passed over, never waited for and never offered twice.
     */
    Optional<UUID> claimHead(UUID queueId) {
        return jdbc.sql("""
                SELECT id FROM queuecalls WHERE queue_id = ? AND status = 'WAITING'
                ORDER BY priority DESC, tm_create, id LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .param(queueId).query(UUID.class).optional();
    }

    /** Locks the queuecall (waits for a concurrent change of it). */
    boolean lock(UUID id) {
        return jdbc.sql("SELECT id FROM queuecalls WHERE id = ? FOR UPDATE").param(id).query(UUID.class).optional()
                .isPresent();
    }

    /** The live queuecall of the caller's call, locked. */
    Optional<UUID> lockLiveByCall(UUID callId) {
        return jdbc.sql("SELECT id FROM queuecalls WHERE reference_id = ? AND status IN " + LIVE + " FOR UPDATE")
                .param(callId).query(UUID.class).optional();
    }

    boolean hasLiveCaller(UUID callId) {
        return jdbc.sql("SELECT count(*) FROM queuecalls WHERE reference_id = ? AND status IN " + LIVE)
                .param(callId).query(Long.class).single() > 0;
    }

    long waiting(UUID queueId) {
        return jdbc.sql("SELECT count(*) FROM queuecalls WHERE queue_id = ? AND status IN ('INITIATING', 'WAITING', 'OFFERING')")
                .param(queueId).query(Long.class).single();
    }

    /** 1 for the next caller to be served: those ahead have a higher priority, or the same and came earlier. */
    long position(UUID queueId, int priority, Instant tmCreate) {
        return 1 + jdbc.sql("""
                SELECT count(*) FROM queuecalls WHERE queue_id = ? AND status IN ('WAITING', 'OFFERING')
                  AND (priority > ? OR (priority = ? AND tm_create < ?))""")
                .params(queueId, priority, priority, java.sql.Timestamp.from(tmCreate)).query(Long.class).single();
    }

    /** The customer's queues with callers waiting, the one whose first caller has waited longest first. */
    List<UUID> queuesWithWaiting(UUID customerId) {
        return jdbc.sql("""
                SELECT queue_id FROM queuecalls WHERE customer_id = ? AND status = 'WAITING'
                GROUP BY queue_id ORDER BY min(tm_create)""")
                .param(customerId).query(UUID.class).list();
    }

    List<UUID> dueWaits(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM queuecalls WHERE status IN ('WAITING', 'OFFERING') AND wait_until <= ? LIMIT ?")
                .params(java.sql.Timestamp.from(now), limit).query(UUID.class).list();
    }

    List<UUID> dueServices(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM queuecalls WHERE status = 'CONNECTED' AND service_until <= ? LIMIT ?")
                .params(java.sql.Timestamp.from(now), limit).query(UUID.class).list();
    }

    Optional<UUID> cursor(UUID queueId) {
        return jdbc.sql("SELECT agent_id FROM queue_cursors WHERE queue_id = ?").param(queueId).query(UUID.class)
                .optional();
    }

    void moveCursor(UUID queueId, UUID agentId) {
        jdbc.sql("""
                INSERT INTO queue_cursors (queue_id, agent_id) VALUES (?, ?)
                ON CONFLICT (queue_id) DO UPDATE SET agent_id = excluded.agent_id""")
                .params(queueId, agentId).update();
    }
}
