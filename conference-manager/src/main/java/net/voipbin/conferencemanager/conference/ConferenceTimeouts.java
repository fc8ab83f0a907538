package net.voipbin.conferencemanager.conference;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The durable deadline of each conference with a timeout: one row per conference, so setting a new timeout
 * replaces the deadline instead of adding a second timer, and a restart finds it. Hand-written SQL: the claim
 * needs {@code FOR UPDATE SKIP LOCKED} so that of several instances exactly one fires it.
 */
@Repository
class ConferenceTimeouts {

    private final JdbcClient jdbc;

    ConferenceTimeouts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The conference ends at {@code dueAt}; replaces any earlier deadline. */
    void set(UUID conferenceId, Instant dueAt) {
        jdbc.sql("INSERT INTO conference_timeouts (conference_id, due_at) VALUES (:id, :due) "
                        + "ON CONFLICT (conference_id) DO UPDATE SET due_at = excluded.due_at")
                .param("id", conferenceId).param("due", Timestamp.from(dueAt)).update();
    }

    void clear(UUID conferenceId) {
        jdbc.sql("DELETE FROM conference_timeouts WHERE conference_id = :id").param("id", conferenceId).update();
    }

    /**
     * Takes (deletes) up to {@code limit} deadlines due by {@code now}. The deadline's row and its conference's
     * row are locked together and skipped when either is held by another transaction (another instance's
     * sweep, or a stop or update of that conference in progress): nobody waits on a lock here, so the sweeper
     * cannot deadlock with the REST paths, which lock the conference first. Run inside the transaction that
     * stops the conferences, so a crash before its commit leaves the deadline in place.
     */
    List<UUID> claimDue(Instant now, int limit) {
        List<UUID> due = jdbc.sql("SELECT t.conference_id FROM conference_timeouts t JOIN conferences c "
                        + "ON c.id = t.conference_id WHERE t.due_at <= :now ORDER BY t.due_at LIMIT :limit "
                        + "FOR UPDATE OF t, c SKIP LOCKED")
                .param("now", Timestamp.from(now)).param("limit", limit).query(UUID.class).list();
        due.forEach(this::clear);
        return due;
    }

    /** The deadline now stored, if any (REST tests and operators read it). */
    java.util.Optional<Instant> dueAt(UUID conferenceId) {
        return jdbc.sql("SELECT due_at FROM conference_timeouts WHERE conference_id = :id").param("id", conferenceId)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }
}
