package net.voipbin.campaignmanager.campaigncall;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import net.voipbin.contract.campaignmanager.Campaigncall;

/**
 * Campaigncall rows, with SQL that decides races: every transition names the status it leaves, so an
 * event handled twice (redelivery, two instances) or a late event changes nothing the second time.
 */
@Repository
public class CampaigncallStore {

    private static final String COLUMNS = "id, customer_id, campaign_id, outdial_id, outdial_target_id, claim_id, "
            + "lease_expires_at, slot, destination, try_number, call_id, activeflow_id, status, result, hangup_reason, "
            + "tm_reported, tm_create, tm_dial, tm_answer, tm_end, tm_update, tm_queued, tm_agent";
    private static final String LIVE = "('CLAIMED', 'DIALING', 'PROGRESSING')";

    private final JdbcClient jdbc;

    CampaigncallStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertClaimed(CampaigncallRow row) {
        jdbc.sql("INSERT INTO campaigncalls (" + COLUMNS + ") VALUES (:id, :customerId, :campaignId, :outdialId, "
                + ":targetId, :claimId, :lease, :slot, :destination, :tryNumber, NULL, :activeflowId, 'CLAIMED', NULL, "
                + "NULL, NULL, :now, NULL, NULL, NULL, :now, NULL, NULL)")
                .param("id", row.id()).param("customerId", row.customerId()).param("campaignId", row.campaignId())
                .param("outdialId", row.outdialId()).param("targetId", row.outdialTargetId())
                .param("claimId", row.claimId()).param("lease", ts(row.leaseExpiresAt())).param("slot", row.slot())
                .param("destination", row.destination()).param("tryNumber", row.tryNumber())
                .param("activeflowId", row.activeflowId()).param("now", ts(row.tmCreate())).update();
    }

    public Optional<CampaigncallRow> find(UUID id) {
        return select("WHERE id = :v", id, false);
    }

    public Optional<CampaigncallRow> lockByCall(UUID callId) {
        return select("WHERE call_id = :v", callId, true);
    }

    public Optional<CampaigncallRow> lockByActiveflow(UUID activeflowId) {
        return select("WHERE activeflow_id = :v", activeflowId, true);
    }

    public Optional<CampaigncallRow> lock(UUID id) {
        return select("WHERE id = :v", id, true);
    }

    /** CLAIMED → DIALING with the call (or activeflow) that was made. */
    public boolean dialed(UUID id, UUID callId, UUID activeflowId, Instant now) {
        return jdbc.sql("UPDATE campaigncalls SET status = 'DIALING', call_id = :call, activeflow_id = :af, "
                + "tm_dial = :now, tm_update = :now WHERE id = :id AND status = 'CLAIMED'").param("call", callId)
                .param("af", activeflowId).param("now", ts(now)).param("id", id).update() == 1;
    }

    /** DIALING → PROGRESSING. */
    public boolean answered(UUID id, Instant at, Instant now) {
        return jdbc.sql("UPDATE campaigncalls SET status = 'PROGRESSING', tm_answer = :at, tm_update = :now "
                + "WHERE id = :id AND status IN ('CLAIMED', 'DIALING')").param("at", ts(at)).param("now", ts(now))
                .param("id", id).update() == 1;
    }

    /** Any live status → DONE with its result; false when it had ended already. */
    public boolean end(UUID id, Campaigncall.Result result, String hangupReason, UUID activeflowId, Instant answeredAt,
            Instant endedAt, Instant now) {
        return jdbc.sql("UPDATE campaigncalls SET status = 'DONE', result = :result, hangup_reason = :reason, "
                + "activeflow_id = coalesce(activeflow_id, :af), tm_answer = coalesce(tm_answer, :answered), "
                + "tm_end = :ended, tm_update = :now WHERE id = :id AND status IN " + LIVE)
                .param("result", result.name()).param("reason", hangupReason).param("af", activeflowId)
                .param("answered", ts(answeredAt)).param("ended", ts(endedAt)).param("now", ts(now)).param("id", id)
                .update() == 1;
    }

    /**
     * What queue-manager says of the call in a queue: it joined ({@code tm_queued}, the first time), an agent took
     * it ({@code tm_agent}), it left the queue unserved ({@code tm_queue_end}); each kept once set, so a
     * redelivered or late event changes nothing. The campaign of the call, when it is one of ours.
     */
    public Optional<UUID> queueProgress(UUID callId, Instant queued, Instant agent, Instant left) {
        return jdbc.sql("UPDATE campaigncalls SET tm_queued = coalesce(tm_queued, :queued), "
                + "tm_agent = coalesce(tm_agent, :agent), tm_queue_end = coalesce(tm_queue_end, :left) "
                + "WHERE call_id = :call RETURNING campaign_id").param("queued", ts(queued)).param("agent", ts(agent))
                .param("left", ts(left)).param("call", callId).query(UUID.class).optional();
    }

    /** An attempt that ended a success before its queue's news came: it was abandoned in the queue after all. */
    public Optional<UUID> abandonedAfterEnd(UUID callId, Instant now) {
        return jdbc.sql("UPDATE campaigncalls SET result = 'ABANDONED', tm_update = :now WHERE call_id = :call "
                + "AND status = 'DONE' AND result = 'SUCCESS' AND tm_queued IS NOT NULL AND tm_agent IS NULL RETURNING id")
                .param("now", ts(now)).param("call", callId).query(UUID.class).optional();
    }

    /** A claim given back undialled: the row never showed, it goes. */
    public void forget(UUID id) {
        jdbc.sql("DELETE FROM campaigncalls WHERE id = :id AND status = 'CLAIMED'").param("id", id).update();
    }

    public void reported(UUID id, Instant now) {
        jdbc.sql("UPDATE campaigncalls SET tm_reported = :now WHERE id = :id").param("now", ts(now)).param("id", id).update();
    }

    public void lease(UUID id, Instant expiresAt) {
        jdbc.sql("UPDATE campaigncalls SET lease_expires_at = :at WHERE id = :id").param("at", ts(expiresAt))
                .param("id", id).update();
    }

    /**
     * Live attempts whose claim needs the keeper: a talking call's (PROGRESSING) lapsing before {@code before}; a
     * ringing call's (DIALING, whose claim was sized for the dial) only once it lapses before {@code ringingBefore},
     * past its dial timeout, when its end was probably missed. They are taken for this round in one short
     * statement (SKIP LOCKED, then marked as leased until {@code until} / {@code ringingUntil}, a round later than
     * they would be due again), so no other keeper takes them meanwhile, and the keeper talks to the other services
     * holding no row lock an event handler would wait on. Rows as they were before the mark.
     */
    public List<CampaigncallRow> takeLeasesDue(Instant before, Instant until, Instant ringingBefore,
            Instant ringingUntil, int limit) {
        return jdbc.sql("WITH due AS (SELECT " + COLUMNS + " FROM campaigncalls WHERE (status = 'PROGRESSING' "
                + "AND lease_expires_at < :before) OR (status = 'DIALING' AND lease_expires_at < :ringingBefore) "
                + "ORDER BY lease_expires_at LIMIT :limit FOR UPDATE SKIP LOCKED), marked AS (UPDATE campaigncalls c "
                + "SET lease_expires_at = CASE WHEN c.status = 'DIALING' THEN CAST(:ringingUntil AS timestamptz) "
                + "ELSE CAST(:until AS timestamptz) END "
                + "FROM due WHERE c.id = due.id) SELECT * FROM due")
                .param("before", ts(before)).param("until", ts(until)).param("ringingBefore", ts(ringingBefore))
                .param("ringingUntil", ts(ringingUntil)).param("limit", limit).query(CampaigncallRow::map).list();
    }

    /** Claims taken by an instance that died before dialling them (or still dialling, past any deadline). */
    public List<CampaigncallRow> staleClaims(Instant before, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaigncalls WHERE status = 'CLAIMED' AND tm_create < :before "
                + "ORDER BY tm_create LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("before", ts(before)).param("limit", limit).query(CampaigncallRow::map).list();
    }

    /** Ended attempts whose outcome has not reached outdial-manager (it was away). */
    public List<CampaigncallRow> unreported(Instant endedBefore, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaigncalls WHERE status = 'DONE' AND tm_reported IS NULL "
                + "AND tm_end < :before ORDER BY tm_end LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("before", ts(endedBefore)).param("limit", limit).query(CampaigncallRow::map).list();
    }

    public long inFlight(UUID campaignId) {
        return jdbc.sql("SELECT count(*) FROM campaigncalls WHERE campaign_id = :id AND status IN " + LIVE)
                .param("id", campaignId).query(Long.class).single();
    }

    private Optional<CampaigncallRow> select(String where, UUID value, boolean forUpdate) {
        if (value == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaigncalls " + where + (forUpdate ? " FOR UPDATE" : ""))
                .param("v", value).query(CampaigncallRow::map).optional();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
