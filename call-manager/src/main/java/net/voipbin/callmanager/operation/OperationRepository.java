package net.voipbin.callmanager.operation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import net.voipbin.contract.callmanager.CallOperationFinished.Operation;

/** Long operations in flight (by playback id / recording name) and digit collections, per call. */
@Repository
class OperationRepository {

    record Pending(UUID callId, String operationId, Operation kind) {
    }

    record Collection(UUID callId, String operationId, int maxLength, String terminator, String digits) {
    }

    private final JdbcClient jdbc;

    OperationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String id, UUID callId, String operationId, Operation kind, boolean bargeIn) {
        jdbc.sql("INSERT INTO operations (id, call_id, operation_id, kind, barge_in, tm_create) "
                + "VALUES (:id, :call, :op, :kind, :barge, now())")
                .param("id", id).param("call", callId).param("op", operationId).param("kind", kind.name())
                .param("barge", bargeIn).update();
    }

    /** The call's playbacks in flight that a digit stops (barge-in). */
    List<String> bargeInPlaybacks(UUID callId) {
        return jdbc.sql("SELECT id FROM operations WHERE call_id = :call AND barge_in").param("call", callId)
                .query(String.class).list();
    }

    /** The call's prompts in flight, taken: whoever started them no longer controls the call. */
    List<String> takePrompts(UUID callId) {
        return jdbc.sql("DELETE FROM operations WHERE call_id = :call AND kind IN ('PLAY', 'TALK') RETURNING id")
                .param("call", callId).query(String.class).list();
    }

    /** Removes and returns the operation: exactly one finisher wins. */
    Optional<Pending> take(String id) {
        return jdbc.sql("DELETE FROM operations WHERE id = :id RETURNING call_id, operation_id, kind").param("id", id)
                .query((rs, n) -> new Pending(rs.getObject("call_id", UUID.class), rs.getString("operation_id"),
                        Operation.valueOf(rs.getString("kind"))))
                .optional();
    }

    /** Keeps a digit pressed while no collection ran, for the next one; the last 64 at most. */
    void typeAhead(UUID callId, String digit) {
        jdbc.sql("INSERT INTO type_ahead (call_id, digits) VALUES (:call, :digit) ON CONFLICT (call_id) "
                + "DO UPDATE SET digits = right(type_ahead.digits || :digit, 64)")
                .param("call", callId).param("digit", digit).update();
    }

    /** The digits typed ahead, taken: a collection starting now begins with them. */
    String takeTypedAhead(UUID callId) {
        return jdbc.sql("DELETE FROM type_ahead WHERE call_id = :call RETURNING digits").param("call", callId)
                .query(String.class).optional().orElse("");
    }

    void recordDigit(UUID callId, String digit, int durationMs) {
        jdbc.sql("INSERT INTO call_dtmfs (call_id, digit, duration_ms, tm_create) VALUES (:call, :digit, :duration, now())")
                .param("call", callId).param("digit", digit).param("duration", durationMs).update();
    }

    /** The digits a call received, in order. */
    String digits(UUID callId) {
        return String.join("", jdbc.sql("SELECT digit FROM call_dtmfs WHERE call_id = :call ORDER BY id")
                .param("call", callId).query(String.class).list());
    }

    void deleteForCall(UUID callId) {
        jdbc.sql("WITH collections AS (DELETE FROM digit_collections WHERE call_id = :call), "
                + "typed AS (DELETE FROM type_ahead WHERE call_id = :call) "
                + "DELETE FROM operations WHERE call_id = :call").param("call", callId).update();
    }

    /** A new collection replaces the call's previous one. */
    void startCollection(UUID callId, String operationId, int maxLength, String terminator, Instant deadline) {
        jdbc.sql("INSERT INTO digit_collections (call_id, operation_id, max_length, terminator, digits, deadline) "
                        + "VALUES (:call, :op, :max, :term, '', :deadline) ON CONFLICT (call_id) DO UPDATE SET "
                        + "operation_id = EXCLUDED.operation_id, max_length = EXCLUDED.max_length, "
                        + "terminator = EXCLUDED.terminator, digits = '', deadline = EXCLUDED.deadline")
                .param("call", callId).param("op", operationId).param("max", maxLength)
                .param("term", terminator == null ? "" : terminator)
                .param("deadline", Timestamp.from(deadline)).update();
    }

    Optional<Collection> lockCollection(UUID callId) {
        return jdbc.sql("SELECT call_id, operation_id, max_length, terminator, digits FROM digit_collections "
                        + "WHERE call_id = :call FOR UPDATE").param("call", callId)
                .query((rs, n) -> new Collection(rs.getObject("call_id", UUID.class), rs.getString("operation_id"),
                        rs.getInt("max_length"), rs.getString("terminator"), rs.getString("digits")))
                .optional();
    }

    void saveDigits(UUID callId, String digits) {
        jdbc.sql("UPDATE digit_collections SET digits = :digits WHERE call_id = :call")
                .param("call", callId).param("digits", digits).update();
    }

    void endCollection(UUID callId) {
        jdbc.sql("DELETE FROM digit_collections WHERE call_id = :call").param("call", callId).update();
    }

    /** Collections past their deadline by more than two seconds (the in-memory timer had its chance). */
    java.util.List<Collection> overdueCollections() {
        return jdbc.sql("SELECT call_id, operation_id, max_length, terminator, digits FROM digit_collections "
                        + "WHERE deadline < now() - interval '2 seconds'")
                .query((rs, n) -> new Collection(rs.getObject("call_id", UUID.class), rs.getString("operation_id"),
                        rs.getInt("max_length"), rs.getString("terminator"), rs.getString("digits")))
                .list();
    }

    /** The collection, if it is still the one {@code operationId} started: the timeout's claim. */
    Optional<String> takeCollection(UUID callId, String operationId) {
        return jdbc.sql("DELETE FROM digit_collections WHERE call_id = :call AND operation_id IS NOT DISTINCT FROM :op "
                        + "RETURNING digits").param("call", callId).param("op", operationId)
                .query(String.class).optional();
    }
}
