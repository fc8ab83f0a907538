package net.voipbin.pipecatmanager.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import net.voipbin.contract.pipecatmanager.Pipecatcall;

/** Plain JDBC over {@code pipecatcalls}. */
@Repository
class PipecatcallRepository {

    private final JdbcClient jdbc;

    PipecatcallRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Pipecatcall call) {
        jdbc.sql("""
                INSERT INTO pipecatcalls (id, call_id, status, audio_format, runner_url, tool_url, end_reason, tm_create, tm_update)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(call.id(), call.callId(), call.status(), call.audioFormat(), call.runnerUrl(), call.toolUrl(),
                        call.endReason(), Timestamp.from(call.tmCreate()), Timestamp.from(call.tmUpdate()))
                .update();
    }

    /** Moves to {@code status} unless already ended (ended is final); returns the row after. */
    Optional<Pipecatcall> updateStatus(UUID id, String status, String endReason, Instant now) {
        jdbc.sql("UPDATE pipecatcalls SET status = ?, end_reason = ?, tm_update = ? WHERE id = ? AND status <> 'ended'")
                .params(status, endReason, Timestamp.from(now), id)
                .update();
        return find(id);
    }

    Pipecatcall updateFormat(UUID id, String audioFormat, Instant now) {
        jdbc.sql("UPDATE pipecatcalls SET audio_format = ?, tm_update = ? WHERE id = ?")
                .params(audioFormat, Timestamp.from(now), id)
                .update();
        return find(id).orElseThrow();
    }

    Optional<Pipecatcall> find(UUID id) {
        return jdbc.sql("SELECT * FROM pipecatcalls WHERE id = ?").param(id).query(PipecatcallRepository::map).optional();
    }

    private static Pipecatcall map(ResultSet rs, int row) throws SQLException {
        return new Pipecatcall(rs.getObject("id", UUID.class), rs.getObject("call_id", UUID.class),
                rs.getString("status"), rs.getString("audio_format"), rs.getString("runner_url"),
                rs.getString("tool_url"), rs.getString("end_reason"), rs.getTimestamp("tm_create").toInstant(),
                rs.getTimestamp("tm_update").toInstant());
    }
}
