package net.voipbin.campaignmanager.dialing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import net.voipbin.campaignmanager.campaigncall.Abandons;

/** What a queue-mode campaign's own rows say: its calls wanting an agent now, and its latest attempts' figures. */
@Repository
class QueueLoad {

    private final JdbcClient jdbc;

    QueueLoad(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    DialTarget.Pending pending(UUID campaignId) {
        return jdbc.sql("SELECT count(*) FILTER (WHERE status IN ('CLAIMED', 'DIALING')) AS ringing, "
                + "count(*) FILTER (WHERE status = 'PROGRESSING' AND tm_queued IS NULL AND tm_agent IS NULL) AS answered "
                + "FROM campaigncalls WHERE campaign_id = :id AND status IN ('CLAIMED', 'DIALING', 'PROGRESSING')")
                .param("id", campaignId)
                .query((rs, n) -> new DialTarget.Pending(rs.getLong("ringing"), rs.getLong("answered"))).single();
    }

    /** The last {@code window} dialled attempts (the index on the dial time reads only them). */
    DialTarget.Measures measures(UUID campaignId, int window, Instant now) {
        return jdbc.sql("WITH recent AS (SELECT * FROM campaigncalls WHERE campaign_id = :id AND tm_dial IS NOT NULL "
                + "ORDER BY tm_dial DESC LIMIT :window) "
                + "SELECT count(*) FILTER (WHERE tm_answer IS NOT NULL OR tm_end IS NOT NULL) AS verdicts, "
                + "count(*) FILTER (WHERE tm_answer IS NOT NULL) AS answered, "
                + "count(*) FILTER (WHERE " + Abandons.CONDITION + ") AS abandoned, "
                + "COALESCE(avg(extract(epoch FROM tm_answer - tm_dial) * 1000) FILTER (WHERE tm_answer IS NOT NULL), 0) "
                + "AS ring_ms, COALESCE(avg(extract(epoch FROM tm_end - tm_agent) * 1000) "
                + "FILTER (WHERE tm_agent IS NOT NULL AND tm_end IS NOT NULL), 0) AS talk_ms FROM recent")
                .param("id", campaignId).param("window", window).param("now", Timestamp.from(now))
                .query((rs, n) -> new DialTarget.Measures(rs.getLong("verdicts"), rs.getLong("answered"),
                        rs.getLong("abandoned"), rs.getDouble("ring_ms"), rs.getDouble("talk_ms"))).single();
    }
}
