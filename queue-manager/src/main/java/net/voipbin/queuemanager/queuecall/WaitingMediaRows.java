package net.voipbin.queuemanager.queuecall;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code waiting_media} rows: each waiting caller's media cycle (see V2__waiting_caller.sql). */
@Component
class WaitingMediaRows {

    record Row(UUID queuecallId, int step, Instant tmAnnounced, String prompt, Instant wakeAt) {
    }

    private final JdbcClient jdbc;

    WaitingMediaRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new cycle; false when the caller has one already (a start asked twice). */
    boolean create(UUID queuecallId) {
        return jdbc.sql("INSERT INTO waiting_media (queuecall_id, step) VALUES (?, 0) ON CONFLICT DO NOTHING")
                .param(queuecallId).update() == 1;
    }

    /** The caller's cycle, locked until the transaction ends. */
    Optional<Row> lock(UUID queuecallId) {
        return jdbc.sql("SELECT * FROM waiting_media WHERE queuecall_id = ? FOR UPDATE").param(queuecallId)
                .query(WaitingMediaRows::row).optional();
    }

    void update(UUID queuecallId, int step, Instant tmAnnounced, String prompt, Instant wakeAt) {
        jdbc.sql("UPDATE waiting_media SET step = ?, tm_announced = ?, prompt = ?, wake_at = ? WHERE queuecall_id = ?")
                .params(step, timestamp(tmAnnounced), prompt, timestamp(wakeAt), queuecallId).update();
    }

    /** Ends the caller's cycle; the row as it was (empty when there was none). */
    Optional<Row> delete(UUID queuecallId) {
        return jdbc.sql("DELETE FROM waiting_media WHERE queuecall_id = ? RETURNING *").param(queuecallId)
                .query(WaitingMediaRows::row).optional();
    }

    /** Callers still waiting whose music is due to be interrupted. */
    List<UUID> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT m.queuecall_id FROM waiting_media m JOIN queuecalls q ON q.id = m.queuecall_id
                WHERE m.wake_at <= ? AND q.status IN ('WAITING', 'OFFERING') LIMIT ?""")
                .params(timestamp(now), limit).query(UUID.class).list();
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getObject("queuecall_id", UUID.class), rs.getInt("step"),
                instant(rs.getTimestamp("tm_announced")), rs.getString("prompt"), instant(rs.getTimestamp("wake_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
