package net.voipbin.callmanager.call;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import net.voipbin.contract.callmanager.Address;
import net.voipbin.contract.callmanager.Call.Direction;
import net.voipbin.contract.callmanager.Call.HangupBy;
import net.voipbin.contract.callmanager.Call.HangupReason;
import net.voipbin.contract.callmanager.CallStatus;
import net.voipbin.rpc.rest.PageQuery;

/** Calls in PostgreSQL. State changes go through {@link #lock} + {@link #update} inside one transaction. */
@Repository
public class CallRepository {

    private static final String COLUMNS = "id, customer_id, asterisk_id, channel_id, bridge_id, flow_id, activeflow_id, "
            + "direction, source_type, source_target, destination_type, destination_target, status, hangup_by, "
            + "hangup_reason, hangup_note, tm_create, tm_ringing, tm_progressing, tm_hangup, duration_ms, dial_deadline";

    private static final String UPDATE = "UPDATE calls SET customer_id = :customer, asterisk_id = :asterisk, "
            + "bridge_id = :bridge, flow_id = :flow, activeflow_id = :activeflow, status = :status, hangup_by = :by, "
            + "hangup_reason = :reason, hangup_note = :note, tm_ringing = :ringing, tm_progressing = :progressing, "
            + "tm_hangup = :hangup, duration_ms = :duration, dial_deadline = :deadline, tm_update = now() WHERE id = :id";

    private final JdbcClient jdbc;

    CallRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(CallRow c) {
        jdbc.sql("INSERT INTO calls (" + COLUMNS + ", tm_update) VALUES (:id, :customer, :asterisk, :channel, :bridge, "
                        + ":flow, :activeflow, :direction, :st, :sv, :dt, :dv, :status, :by, :reason, :note, :created, "
                        + ":ringing, :progressing, :hangup, :duration, :deadline, now())")
                .params(params(c)).update();
    }

    /**
     * An inbound call with its channel row, in one statement: as atomic as a transaction of the two
     * inserts, at a third of the round trips. The channel comes first and the call only with it, so a
     * redelivered StasisStart (the channel stored) stores nothing: false.
     */
    public boolean insertWithChannel(CallRow c, String channelName, String channelState) {
        java.util.Map<String, Object> p = params(c);
        p.put("channelName", channelName == null ? "" : channelName);
        p.put("channelState", channelState == null ? "" : channelState);
        return jdbc.sql("WITH channel AS (INSERT INTO channels (id, asterisk_id, name, state, kind, call_id, tm_create, "
                        + "tm_update) VALUES (:channel, :asterisk, :channelName, :channelState, 'call', :id, now(), now()) "
                        + "ON CONFLICT (id) DO NOTHING RETURNING id) "
                        + "INSERT INTO calls (" + COLUMNS + ", tm_update) SELECT :id, :customer, :asterisk, "
                        + ":channel, :bridge, :flow, :activeflow, :direction, :st, :sv, :dt, :dv, :status, :by, :reason, "
                        + ":note, :created, :ringing, :progressing, :hangup, :duration, :deadline, now() FROM channel")
                .params(p).update() == 1;
    }

    public void update(CallRow c) {
        jdbc.sql(UPDATE).params(params(c)).update();
    }

    /**
     * A call as read, with its row version: PostgreSQL's {@code xmin}, the transaction that wrote this
     * version of the row, so it changes with every write of the row.
     */
    public record Versioned(CallRow row, String version) {
    }

    public Optional<Versioned> readVersioned(UUID id) {
        return jdbc.sql("SELECT CAST(xmin AS text) AS version, " + COLUMNS + " FROM calls WHERE id = :id")
                .param("id", id).query((rs, n) -> new Versioned(map(rs, n), rs.getString("version"))).optional();
    }

    public Optional<Versioned> readVersionedByChannel(String channelId) {
        return jdbc.sql("SELECT CAST(xmin AS text) AS version, " + COLUMNS + " FROM calls WHERE channel_id = :channel")
                .param("channel", channelId).query((rs, n) -> new Versioned(map(rs, n), rs.getString("version")))
                .optional();
    }

    /**
     * Writes the change if the row is still the version read: a state change in two round trips (read,
     * write) instead of three (lock, write, commit). False when another write came first.
     */
    public boolean updateIfUnchanged(CallRow c, String version) {
        java.util.Map<String, Object> p = params(c);
        p.put("version", version);
        return jdbc.sql(UPDATE + " AND xmin = CAST(:version AS xid)").params(p).update() == 1;
    }

    /** Records the Asterisk of an originated call's channel once it is known; one statement, no lock. */
    public void setAsteriskIfUnknown(String channelId, String asteriskId) {
        jdbc.sql("UPDATE calls SET asterisk_id = :asterisk, tm_update = now() WHERE channel_id = :channel "
                + "AND asterisk_id IS NULL").param("channel", channelId).param("asterisk", asteriskId).update();
    }

    /** Links the call's activeflow; the row after the change (empty if there is no such call). */
    public Optional<CallRow> setActiveflow(UUID id, UUID activeflowId) {
        return jdbc.sql("UPDATE calls SET activeflow_id = :activeflow, tm_update = now() WHERE id = :id RETURNING "
                + COLUMNS).param("id", id).param("activeflow", activeflowId).query(CallRepository::map).optional();
    }

    /**
     * The call no longer runs {@code activeflowId} (it ended while the call was handed over); the row after the
     * change, empty when the call names another activeflow by now (a transfer moved it on meanwhile).
     */
    public Optional<CallRow> unlinkActiveflow(UUID id, UUID activeflowId) {
        return jdbc.sql("UPDATE calls SET activeflow_id = NULL, tm_update = now() WHERE id = :id "
                        + "AND activeflow_id = :activeflow RETURNING " + COLUMNS)
                .param("id", id).param("activeflow", activeflowId).query(CallRepository::map).optional();
    }

    /** The call runs another flow, as another activeflow (a transfer moved it on); the row after the change. */
    public Optional<CallRow> setFlow(UUID id, UUID flowId, UUID activeflowId) {
        return jdbc.sql("UPDATE calls SET flow_id = :flow, activeflow_id = :activeflow, tm_update = now() "
                        + "WHERE id = :id RETURNING " + COLUMNS).param("id", id).param("flow", flowId)
                .param("activeflow", activeflowId).query(CallRepository::map).optional();
    }

    public Optional<CallRow> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM calls WHERE id = :id").param("id", id)
                .query(CallRepository::map).optional();
    }

    /** The row, locked until the transaction ends: state changes of one call never interleave. */
    public Optional<CallRow> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM calls WHERE id = :id FOR UPDATE").param("id", id)
                .query(CallRepository::map).optional();
    }

    /** A channel that {@link #endChannel} ended now: its far end's hangup request cause (0: none), and its call. */
    public record EndedChannel(int requestedCause, Optional<CallRow> call) {
    }

    /**
     * Marks the channel ended if it was not yet and locks its call, in one statement: present only for
     * the first caller (so an end is handled once), with the call locked until the transaction ends.
     */
    public Optional<EndedChannel> endChannel(String channelId) {
        return jdbc.sql("WITH ended AS (UPDATE channels SET tm_end = now(), bridge_id = NULL, tm_update = now() "
                        + "WHERE id = :channel AND tm_end IS NULL RETURNING COALESCE(hangup_cause, 0) AS requested) "
                        + "SELECT ended.requested, c.* FROM ended LEFT JOIN LATERAL (SELECT " + COLUMNS
                        + " FROM calls WHERE channel_id = :channel FOR UPDATE) c ON true")
                .param("channel", channelId)
                .query((rs, n) -> new EndedChannel(rs.getInt("requested"),
                        rs.getObject("id") == null ? Optional.empty() : Optional.of(map(rs, n))))
                .optional();
    }

    public Optional<CallRow> findByChannel(String channelId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM calls WHERE channel_id = :channel")
                .param("channel", channelId).query(CallRepository::map).optional();
    }

    /** Live calls on one Asterisk (not hung up; a call whose Asterisk is not known yet is not among them). */
    public List<CallRow> live(String asteriskId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM calls WHERE tm_hangup IS NULL AND asterisk_id = :asterisk")
                .param("asterisk", asteriskId).query(CallRepository::map).list();
    }

    public List<CallRow> liveInBridge(String bridgeId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM calls WHERE tm_hangup IS NULL AND bridge_id = :bridge")
                .param("bridge", bridgeId).query(CallRepository::map).list();
    }

    /** Up to page size + 1 of the customer's calls, newest first, optionally of one status. */
    public List<CallRow> list(UUID customerId, CallStatus status, PageQuery page) {
        Instant after = page.cursor().map(c -> c.tmCreate()).orElse(Instant.parse("9999-12-31T00:00:00Z"));
        UUID afterId = page.cursor().map(c -> c.id()).orElse(new UUID(-1L, -1L));
        return jdbc.sql("SELECT " + COLUMNS + " FROM calls WHERE customer_id = :customer "
                        + "AND (CAST(:status AS text) IS NULL OR status = :status) "
                        + "AND (tm_create, id) < (:after, :afterId) ORDER BY tm_create DESC, id DESC LIMIT :limit")
                .param("customer", customerId).param("status", status == null ? null : lower(status))
                .param("after", odt(after)).param("afterId", afterId).param("limit", page.pageSize() + 1)
                .query(CallRepository::map).list();
    }

    private static java.util.Map<String, Object> params(CallRow c) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("id", c.id());
        p.put("customer", c.customerId());
        p.put("asterisk", c.asteriskId());
        p.put("channel", c.channelId());
        p.put("bridge", c.bridgeId());
        p.put("flow", c.flowId());
        p.put("activeflow", c.activeflowId());
        p.put("direction", lower(c.direction()));
        p.put("st", lower(c.source().type()));
        p.put("sv", c.source().target());
        p.put("dt", lower(c.destination().type()));
        p.put("dv", c.destination().target());
        p.put("status", lower(c.status()));
        p.put("by", lower(c.hangupBy()));
        p.put("reason", lower(c.hangupReason()));
        p.put("note", c.hangupNote());
        p.put("created", odt(c.tmCreate()));
        p.put("ringing", odt(c.tmRinging()));
        p.put("progressing", odt(c.tmProgressing()));
        p.put("hangup", odt(c.tmHangup()));
        p.put("duration", c.durationMs());
        p.put("deadline", odt(c.dialDeadline()));
        return p;
    }

    static String lower(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    static OffsetDateTime odt(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    static <E extends Enum<E>> E upper(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    }

    private static CallRow map(ResultSet rs, int row) throws SQLException {
        return new CallRow(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                rs.getString("asterisk_id"), rs.getString("channel_id"), rs.getString("bridge_id"),
                rs.getObject("flow_id", UUID.class), rs.getObject("activeflow_id", UUID.class),
                upper(Direction.class, rs.getString("direction")),
                new Address(upper(Address.AddressType.class, rs.getString("source_type")), rs.getString("source_target")),
                new Address(upper(Address.AddressType.class, rs.getString("destination_type")),
                        rs.getString("destination_target")),
                upper(CallStatus.class, rs.getString("status")), upper(HangupBy.class, rs.getString("hangup_by")),
                upper(HangupReason.class, rs.getString("hangup_reason")), rs.getString("hangup_note"),
                instant(rs, "tm_create"), instant(rs, "tm_ringing"), instant(rs, "tm_progressing"),
                instant(rs, "tm_hangup"), rs.getLong("duration_ms"), instant(rs, "dial_deadline"));
    }
}
