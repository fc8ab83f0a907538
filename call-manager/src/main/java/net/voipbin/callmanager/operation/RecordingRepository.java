package net.voipbin.callmanager.operation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import net.voipbin.contract.callmanager.Recording;

/** Recordings of calls and of confbridges; {@code name} is the ARI live recording name (the recording id). */
@Repository
class RecordingRepository {

    private static final String COLUMNS = "id, customer_id, call_id, name, format, status, operation_id, "
            + "duration_seconds, tm_start, tm_end, confbridge_id, conference_id";

    record Row(Recording recording, String operationId) {
    }

    private final JdbcClient jdbc;

    RecordingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when a recording of that id or name exists already. */
    boolean insert(Recording r, String operationId) {
        return jdbc.sql("INSERT INTO recordings (" + COLUMNS + ") VALUES (:id, :customer, :call, :name, :format, 'recording', "
                        + ":op, 0, now(), NULL, :confbridge, :conference) ON CONFLICT DO NOTHING")
                .param("id", r.id()).param("customer", r.customerId()).param("call", r.callId())
                .param("name", r.name()).param("format", r.format()).param("op", operationId)
                .param("confbridge", r.confbridgeId()).param("conference", r.conferenceId()).update() == 1;
    }

    /** A recording Asterisk never started (it refused the command) is forgotten. */
    void delete(String name) {
        jdbc.sql("DELETE FROM recordings WHERE name = :name AND status = 'recording'").param("name", name).update();
    }

    Optional<Row> find(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM recordings WHERE name = :name").param("name", name)
                .query(RecordingRepository::map).optional();
    }

    Optional<Row> live(UUID callId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM recordings WHERE call_id = :call AND status = 'recording' "
                        + "ORDER BY tm_start DESC LIMIT 1").param("call", callId)
                .query(RecordingRepository::map).optional();
    }

    /** Ends a recording once; empty when it had already ended. */
    Optional<Row> finish(String name, Recording.Status status, int durationSeconds) {
        return jdbc.sql("UPDATE recordings SET status = :status, duration_seconds = :duration, tm_end = now() "
                        + "WHERE name = :name AND status = 'recording' RETURNING " + COLUMNS)
                .param("name", name).param("status", status.name().toLowerCase())
                .param("duration", durationSeconds).query(RecordingRepository::map).optional();
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        Timestamp end = rs.getTimestamp("tm_end");
        return new Row(new Recording(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                rs.getObject("call_id", UUID.class), rs.getString("name"), rs.getString("format"),
                Recording.Status.valueOf(rs.getString("status").toUpperCase()), rs.getInt("duration_seconds"),
                rs.getTimestamp("tm_start").toInstant(), end == null ? null : end.toInstant(),
                rs.getObject("confbridge_id", UUID.class), rs.getObject("conference_id", UUID.class)),
                rs.getString("operation_id"));
    }
}
