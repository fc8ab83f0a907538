package net.voipbin.campaignmanager.campaigncall;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import net.voipbin.contract.campaignmanager.Campaigncall;

/**
 * A campaigncall as stored. {@code status} CLAIMED is the dialer's own: the target attempt is taken from
 * the outdial and counts as in flight, but nothing was dialled yet, so no customer sees it.
 */
public record CampaigncallRow(
        UUID id,
        UUID customerId,
        UUID campaignId,
        UUID outdialId,
        UUID outdialTargetId,
        UUID claimId,
        Instant leaseExpiresAt,
        int slot,
        String destination,
        int tryNumber,
        UUID callId,
        UUID activeflowId,
        String status,
        String result,
        String hangupReason,
        Instant tmReported,
        Instant tmCreate,
        Instant tmDial,
        Instant tmAnswer,
        Instant tmEnd,
        Instant tmUpdate,
        Instant tmQueued,
        Instant tmAgent) {

    public static final String CLAIMED = "CLAIMED";

    static CampaigncallRow map(ResultSet rs, int n) throws SQLException {
        return new CampaigncallRow(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                rs.getObject("campaign_id", UUID.class), rs.getObject("outdial_id", UUID.class),
                rs.getObject("outdial_target_id", UUID.class), rs.getObject("claim_id", UUID.class),
                instant(rs, "lease_expires_at"), rs.getInt("slot"), rs.getString("destination"), rs.getInt("try_number"),
                rs.getObject("call_id", UUID.class), rs.getObject("activeflow_id", UUID.class), rs.getString("status"),
                rs.getString("result"), rs.getString("hangup_reason"), instant(rs, "tm_reported"),
                instant(rs, "tm_create"), instant(rs, "tm_dial"), instant(rs, "tm_answer"), instant(rs, "tm_end"),
                instant(rs, "tm_update"), instant(rs, "tm_queued"), instant(rs, "tm_agent"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    /** Answered, put in a queue, and no agent took it (yet, or ever once the call has ended). */
    public boolean unserved() {
        return tmAnswer != null && tmQueued != null && tmAgent == null;
    }

    public boolean ended() {
        return Campaigncall.Status.DONE.name().equals(status);
    }

    public Campaigncall toCampaigncall() {
        return new Campaigncall(id, customerId, campaignId, outdialId, outdialTargetId, slot, destination, tryNumber,
                callId, activeflowId, CLAIMED.equals(status) ? Campaigncall.Status.DIALING : Campaigncall.Status.valueOf(status),
                result == null ? null : Campaigncall.Result.valueOf(result), hangupReason, tmCreate, tmAnswer, tmEnd,
                tmUpdate);
    }
}
