package net.voipbin.campaignmanager.campaigncall;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import net.voipbin.contract.campaignmanager.CampaignStatistics;

/** What customers read: campaigncalls (never the dialer's CLAIMED rows) and a campaign's statistics. */
@Repository
class CampaigncallQueries {

    private final JdbcClient jdbc;
    private final Clock clock;

    CampaigncallQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<CampaigncallRow> page(UUID customerId, UUID campaignId, Instant after, UUID afterId, int limit) {
        return jdbc.sql("SELECT * FROM campaigncalls WHERE customer_id = :customer AND campaign_id = :campaign "
                + "AND status <> 'CLAIMED' AND (tm_create, id) < (:after, :afterId) "
                + "ORDER BY tm_create DESC, id DESC LIMIT :limit")
                .param("customer", customerId).param("campaign", campaignId).param("after", CampaigncallStore.ts(after))
                .param("afterId", afterId).param("limit", limit).query(CampaigncallRow::map).list();
    }

    java.util.Optional<CampaigncallRow> find(UUID customerId, UUID id) {
        return jdbc.sql("SELECT * FROM campaigncalls WHERE id = :id AND customer_id = :customer AND status <> 'CLAIMED'")
                .param("id", id).param("customer", customerId).query(CampaigncallRow::map).optional();
    }

    /** One index range of the campaign's rows; success rate = success / dialed, abandon rate = abandoned / answered. */
    CampaignStatistics statistics(UUID campaignId) {
        return jdbc.sql("SELECT count(*) FILTER (WHERE tm_dial IS NOT NULL) AS dialed, "
                + "count(*) FILTER (WHERE tm_answer IS NOT NULL) AS answered, "
                + "count(*) FILTER (WHERE status IN ('DIALING', 'PROGRESSING')) AS in_flight, "
                + "count(*) FILTER (WHERE result = 'SUCCESS') AS success, count(*) FILTER (WHERE result = 'FAIL') AS fail, "
                + "count(*) FILTER (WHERE result = 'BUSY') AS busy, count(*) FILTER (WHERE result = 'NO_ANSWER') AS no_answer, "
                + "count(*) FILTER (WHERE result = 'UNAVAILABLE') AS unavailable, count(*) FILTER (WHERE result = 'DNC') AS dnc, "
                + "count(*) FILTER (WHERE " + Abandons.CONDITION + ") AS abandoned "
                + "FROM campaigncalls WHERE campaign_id = :id").param("id", campaignId)
                .param("now", CampaigncallStore.ts(clock.instant()))
                .query((rs, n) -> {
                    long dialed = rs.getLong("dialed");
                    long success = rs.getLong("success");
                    long answered = rs.getLong("answered");
                    long abandoned = rs.getLong("abandoned");
                    return new CampaignStatistics(campaignId, dialed, answered, rs.getLong("in_flight"),
                            success, rs.getLong("fail"), rs.getLong("busy"), rs.getLong("no_answer"),
                            rs.getLong("unavailable"), rs.getLong("dnc"), dialed == 0 ? 0 : (double) success / dialed,
                            abandoned, answered == 0 ? 0 : (double) abandoned / answered);
                }).single();
    }
}
