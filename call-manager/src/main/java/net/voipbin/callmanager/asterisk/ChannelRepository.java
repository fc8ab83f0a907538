package net.voipbin.callmanager.asterisk;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ARI channels seen, with name and state as first recorded; {@code kind} tells a call's channel from
 * a media channel. An inbound call's channel row is written with the call ({@code CallRepository}).
 */
@Repository
public class ChannelRepository {

    /** The advisory-lock class of bridge locks ({@link #leaveBridge}); the key is the bridge id's hash. */
    private static final int BRIDGE_LOCKS = 23;

    public static final String KIND_CALL = "call";
    public static final String KIND_MEDIA = "external_media";

    private final JdbcClient jdbc;

    ChannelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a channel (ours before it exists in Asterisk, or as an event reports it). */
    public void upsert(String id, String asteriskId, String name, String state, String kind, UUID callId) {
        jdbc.sql("INSERT INTO channels (id, asterisk_id, name, state, kind, call_id, tm_create, tm_update) "
                        + "VALUES (:id, :asterisk, :name, :state, :kind, :call, now(), now()) ON CONFLICT (id) DO UPDATE SET "
                        + "asterisk_id = COALESCE(EXCLUDED.asterisk_id, channels.asterisk_id), "
                        + "name = CASE WHEN EXCLUDED.name = '' THEN channels.name ELSE EXCLUDED.name END, "
                        + "state = CASE WHEN EXCLUDED.state = '' THEN channels.state ELSE EXCLUDED.state END, "
                        + "call_id = COALESCE(channels.call_id, EXCLUDED.call_id), tm_update = now()")
                .param("id", id).param("asterisk", asteriskId).param("name", name == null ? "" : name)
                .param("state", state == null ? "" : state).param("kind", kind).param("call", callId).update();
    }

    public Optional<String> kind(String id) {
        return jdbc.sql("SELECT kind FROM channels WHERE id = :id").param("id", id).query(String.class).optional();
    }

    public void bridge(String id, String bridgeId) {
        jdbc.sql("UPDATE channels SET bridge_id = :bridge, tm_update = now() WHERE id = :id")
                .param("id", id).param("bridge", bridgeId).update();
    }

    public void recordHangupCause(String id, int cause) {
        jdbc.sql("UPDATE channels SET hangup_cause = :cause, tm_update = now() WHERE id = :id")
                .param("id", id).param("cause", cause).update();
    }

    /** The cause of the far end's hangup request, if one came. */
    public Optional<Integer> hangupCause(String id) {
        return jdbc.sql("SELECT hangup_cause FROM channels WHERE id = :id AND hangup_cause IS NOT NULL")
                .param("id", id).query(Integer.class).optional();
    }

    public void ended(String id) {
        jdbc.sql("UPDATE channels SET tm_end = now(), bridge_id = NULL, tm_update = now() WHERE id = :id")
                .param("id", id).update();
    }

    /** Whether a channel other than {@code channelId} is still up in the bridge. */
    public boolean othersInBridge(String bridgeId, String channelId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM channels WHERE bridge_id = :bridge AND id <> :id "
                        + "AND tm_end IS NULL)")
                .param("bridge", bridgeId).param("id", channelId).query(Boolean.class).single();
    }

    /** Whether any channel is still up in the bridge. */
    /**
     * Takes the channel out of the bridge in the mirror; true when no live channel is left in it. Channels leaving
     * one bridge at the same time are serialised by a lock on the bridge held until the caller's transaction ends,
     * so exactly one of them finds it empty. Must run in a transaction.
     */
    public boolean leaveBridge(String id, String bridgeId) {
        jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(" + BRIDGE_LOCKS + ", hashtext(:bridge))) AS locked")
                .param("bridge", bridgeId).query(Integer.class).single();
        bridge(id, null);
        return !anyInBridge(bridgeId);
    }

    public boolean anyInBridge(String bridgeId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM channels WHERE bridge_id = :bridge AND tm_end IS NULL)")
                .param("bridge", bridgeId).query(Boolean.class).single();
    }

    /** Media channels of a bridge still up (external media, say), for dropping a transferor. */
    public java.util.List<String> liveMediaInBridge(String bridgeId) {
        return jdbc.sql("SELECT id FROM channels WHERE bridge_id = :bridge AND kind = :kind AND tm_end IS NULL")
                .param("bridge", bridgeId).param("kind", KIND_MEDIA).query(String.class).list();
    }
}
