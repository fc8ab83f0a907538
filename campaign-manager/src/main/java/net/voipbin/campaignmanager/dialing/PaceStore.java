package net.voipbin.campaignmanager.dialing;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import net.voipbin.contract.campaignmanager.Campaign;
import net.voipbin.contract.outdialmanager.ClaimRequests;

/**
 * The dialer's state on the campaign row: its dial budget (a token bucket every instance draws from, so
 * the rate cap holds for the campaign however many instances dial it) and when to look at it next.
 */
@Repository
class PaceStore {

    private final JdbcClient jdbc;

    PaceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What one pacing step needs of a campaign. */
    record Due(UUID id, UUID customerId, Campaign.Type type, UUID flowId, UUID outplanId, UUID outdialId,
            Campaign.EndHandle endHandle, double dialRate, int maxInFlight, ClaimRequests.Window window,
            double tokens, Instant tokensAt, UUID queueId, Campaign.DialingMode mode, double ratio,
            double maxAbandonRate) {
    }

    /** The running campaign whose turn it is, locked; another instance pacing one skips it. */
    Optional<Due> lockDue(Instant now) {
        return jdbc.sql("SELECT * FROM campaigns WHERE status = 'RUN' AND tm_delete IS NULL AND next_pace_at <= :now "
                + "ORDER BY next_pace_at LIMIT 1 FOR UPDATE SKIP LOCKED").param("now", Timestamp.from(now))
                .query((rs, n) -> new Due(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                        Campaign.Type.valueOf(rs.getString("type")), rs.getObject("flow_id", UUID.class),
                        rs.getObject("outplan_id", UUID.class), rs.getObject("outdial_id", UUID.class),
                        Campaign.EndHandle.valueOf(rs.getString("end_handle")), rs.getDouble("dial_rate"),
                        rs.getInt("max_in_flight"), window(rs.getArray("window_days"), rs.getObject("window_start",
                                java.time.LocalTime.class), rs.getObject("window_end", java.time.LocalTime.class),
                                rs.getString("window_time_zone")),
                        rs.getDouble("dial_tokens"), rs.getTimestamp("tokens_at").toInstant(),
                        rs.getObject("queue_id", UUID.class), Campaign.DialingMode.valueOf(rs.getString("dialing_mode")),
                        rs.getDouble("dialing_ratio"), rs.getDouble("max_abandon_rate")))
                .optional();
    }

    void paced(UUID id, double tokens, Instant tokensAt, Instant nextPaceAt) {
        jdbc.sql("UPDATE campaigns SET dial_tokens = :tokens, tokens_at = :at, next_pace_at = :next WHERE id = :id")
                .param("tokens", tokens).param("at", Timestamp.from(tokensAt)).param("next", Timestamp.from(nextPaceAt))
                .param("id", id).update();
    }

    /** Look at the campaign again at once: an attempt ended, so a slot in flight is free. */
    void wake(UUID id, Instant now) {
        jdbc.sql("UPDATE campaigns SET next_pace_at = :now WHERE id = :id AND status = 'RUN' AND next_pace_at > :now")
                .param("now", Timestamp.from(now)).param("id", id).update();
    }

    /** An attempt took a dial from the budget but made no call (DNC, released): it goes back. */
    void refund(UUID id) {
        jdbc.sql("UPDATE campaigns SET dial_tokens = dial_tokens + 1 WHERE id = :id").param("id", id).update();
    }

    boolean running(UUID id) {
        return jdbc.sql("SELECT status FROM campaigns WHERE id = :id AND tm_delete IS NULL").param("id", id)
                .query(String.class).optional().filter("RUN"::equals).isPresent();
    }

    private static ClaimRequests.Window window(java.sql.Array days, java.time.LocalTime start, java.time.LocalTime end,
            String zone) throws java.sql.SQLException {
        if (days == null) {
            return null;
        }
        Set<DayOfWeek> set = Arrays.stream((String[]) days.getArray())
                .map(d -> DayOfWeek.valueOf(d.toUpperCase(Locale.ROOT))).collect(Collectors.toSet());
        return new ClaimRequests.Window(set, start, end, zone);
    }
}
