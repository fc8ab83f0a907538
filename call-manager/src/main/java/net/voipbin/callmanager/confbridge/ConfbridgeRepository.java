package net.voipbin.callmanager.confbridge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import net.voipbin.contract.callmanager.Confbridge;

/** Confbridges and their current members. */
@Repository
class ConfbridgeRepository {

    private static final String COLUMNS = "id, customer_id, conference_id, bridge_id, asterisk_id, type, status, tm_create, tm_update";

    private final JdbcClient jdbc;

    ConfbridgeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID customerId, UUID conferenceId, String bridgeId, Confbridge.Type type) {
        jdbc.sql("INSERT INTO confbridges (" + COLUMNS + ") VALUES (:id, :customer, :conference, :bridge, NULL, :type, "
                        + "'active', now(), now())")
                .param("id", id).param("customer", customerId).param("conference", conferenceId).param("bridge", bridgeId)
                .param("type", type.name().toLowerCase(Locale.ROOT)).update();
    }

    Optional<Confbridge> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM confbridges WHERE id = :id").param("id", id)
                .query(this::map).optional();
    }

    /** The room whose mixing bridge, or holding bridge, this is. */
    Optional<Confbridge> byBridge(String bridgeId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM confbridges WHERE bridge_id = :bridge OR holding_bridge_id = :bridge")
                .param("bridge", bridgeId).query(this::map).optional();
    }

    /** The room's holding bridge, where members wait for a moderator; empty until the first one waits. */
    Optional<String> holdingBridge(UUID id) {
        return jdbc.sql("SELECT holding_bridge_id FROM confbridges WHERE id = :id AND holding_bridge_id IS NOT NULL")
                .param("id", id).query(String.class).optional();
    }

    /** True when this caller's bridge became the room's holding bridge (there was none). */
    boolean claimHolding(UUID id, String holdingBridgeId) {
        return jdbc.sql("UPDATE confbridges SET holding_bridge_id = :holding, tm_update = now() WHERE id = :id "
                        + "AND holding_bridge_id IS NULL AND status = 'active'")
                .param("id", id).param("holding", holdingBridgeId).update() == 1;
    }

    /** The member is about to be moved to the room's other bridge: its leaving the one it is in is no leave. */
    void moving(UUID id, UUID callId, boolean moving) {
        jdbc.sql("UPDATE confbridge_calls SET moving = :moving WHERE confbridge_id = :id AND call_id = :call")
                .param("id", id).param("call", callId).param("moving", moving).update();
    }

    boolean isMoving(UUID id, UUID callId) {
        return jdbc.sql("SELECT moving FROM confbridge_calls WHERE confbridge_id = :id AND call_id = :call "
                        + "AND tm_leave IS NULL").param("id", id).param("call", callId).query(Boolean.class)
                .optional().orElse(false);
    }

    boolean isMember(UUID id, UUID callId) {
        return jdbc.sql("SELECT count(*) FROM confbridge_calls WHERE confbridge_id = :id AND call_id = :call "
                        + "AND tm_leave IS NULL").param("id", id).param("call", callId).query(Integer.class).single() == 1;
    }

    /** Claims the Asterisk the bridge lives on (the first joiner's); true when this call set it. */
    boolean claimAsterisk(UUID id, String asteriskId) {
        return jdbc.sql("UPDATE confbridges SET asterisk_id = :asterisk, tm_update = now() WHERE id = :id AND asterisk_id IS NULL")
                .param("id", id).param("asterisk", asteriskId).update() == 1;
    }

    /** Whom the joiner named for this call; kept when the call then enters the bridge. */
    void expect(UUID id, UUID callId, UUID participantId) {
        jdbc.sql("INSERT INTO confbridge_calls (confbridge_id, call_id, participant_id, tm_join, tm_leave) "
                        + "VALUES (:id, :call, :participant, now(), now()) "
                        + "ON CONFLICT (confbridge_id, call_id) DO UPDATE SET participant_id = :participant")
                .param("id", id).param("call", callId).param("participant", participantId).update();
    }

    /**
     * The room keeps living without a bridge: the next join creates one again, under a new bridge id so
     * that late events of the old bridge (its {@code BridgeDestroyed}) are not taken for the new one's.
     */
    boolean release(UUID id, String bridgeId, String newBridgeId) {
        return jdbc.sql("UPDATE confbridges SET bridge_id = :fresh, holding_bridge_id = NULL, asterisk_id = NULL, tm_update = now() "
                        + "WHERE id = :id AND bridge_id = :bridge AND status = 'active'")
                .param("id", id).param("bridge", bridgeId).param("fresh", newBridgeId).update() == 1;
    }

    void join(UUID id, UUID callId) {
        jdbc.sql("INSERT INTO confbridge_calls (confbridge_id, call_id, tm_join) VALUES (:id, :call, now()) "
                        + "ON CONFLICT (confbridge_id, call_id) DO UPDATE SET tm_join = now(), tm_leave = NULL, moving = false")
                .param("id", id).param("call", callId).update();
    }

    UUID participant(UUID id, UUID callId) {
        return jdbc.sql("SELECT participant_id FROM confbridge_calls WHERE confbridge_id = :id AND call_id = :call")
                .param("id", id).param("call", callId).query(UUID.class).optional().orElse(null);
    }

    boolean leave(UUID id, UUID callId) {
        return jdbc.sql("UPDATE confbridge_calls SET tm_leave = now() WHERE confbridge_id = :id AND call_id = :call "
                        + "AND tm_leave IS NULL").param("id", id).param("call", callId).update() == 1;
    }

    boolean terminate(UUID id) {
        jdbc.sql("UPDATE confbridge_calls SET tm_leave = now() WHERE confbridge_id = :id AND tm_leave IS NULL")
                .param("id", id).update();
        return jdbc.sql("UPDATE confbridges SET status = 'terminated', tm_update = now() WHERE id = :id AND status = 'active'")
                .param("id", id).update() == 1;
    }

    List<UUID> members(UUID id) {
        return jdbc.sql("SELECT call_id FROM confbridge_calls WHERE confbridge_id = :id AND tm_leave IS NULL ORDER BY tm_join")
                .param("id", id).query(UUID.class).list();
    }

    private Confbridge map(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new Confbridge(id, rs.getObject("customer_id", UUID.class), rs.getObject("conference_id", UUID.class),
                rs.getString("bridge_id"),
                rs.getString("asterisk_id"), Confbridge.Type.valueOf(rs.getString("type").toUpperCase(Locale.ROOT)),
                Confbridge.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), members(id),
                rs.getTimestamp("tm_create").toInstant(), rs.getTimestamp("tm_update").toInstant());
    }
}
