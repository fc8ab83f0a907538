package net.voipbin.outdialmanager.outdialtarget;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import net.voipbin.contract.outdialmanager.OutdialTarget;

/**
 * The claim's SQL. Due = idle with its next try passed, or progressing with its lease lapsed (both kept
 * in next_try_at, so one range of the partial index {@code outdialtargets_due} answers). Rows another
 * transaction holds are skipped, not waited for: concurrent claimers each lock different targets, and
 * a target is handed out by exactly one committed claim.
 */
@Repository
class ClaimStore {

    /** A due target as locked for the claim: what choosing its slot and checking its window need. */
    record Due(UUID id, List<String> destinations, List<Integer> tryCounts, String timeZone) {
    }

    /**
     * What the claim made of a locked target: progressing under a claim on a slot; idle until
     * {@code waitUntil} (outside its calling window); or failed (no slot left).
     */
    record Decision(UUID id, UUID claimId, int slot, Instant waitUntil) {

        static Decision claimed(UUID id, UUID claimId, int slot) {
            return new Decision(id, claimId, slot, null);
        }

        static Decision waiting(UUID id, Instant until) {
            return new Decision(id, null, -1, until);
        }

        static Decision failed(UUID id) {
            return new Decision(id, null, -1, null);
        }

        boolean claimed() {
            return claimId != null;
        }

        String status() {
            return claimed() ? "PROGRESSING" : waitUntil != null ? "IDLE" : "FAILED";
        }
    }

    private final JdbcClient jdbc;
    private final TargetRows rows;

    ClaimStore(JdbcClient jdbc, TargetRows rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    /** Locks up to {@code limit} due targets, oldest due first (then upload order). Inside a transaction. */
    List<Due> lockDue(UUID outdialId, Instant now, int limit) {
        return jdbc.sql("""
                SELECT id, destinations, try_counts, time_zone FROM outdialtargets
                WHERE outdial_id = :outdial AND tm_delete IS NULL AND status IN ('IDLE', 'PROGRESSING')
                  AND next_try_at <= :now
                ORDER BY next_try_at, seq
                LIMIT :limit
                FOR UPDATE SKIP LOCKED""")
                .param("outdial", outdialId).param("now", TargetRows.odt(now)).param("limit", limit)
                .query((rs, n) -> new Due(rs.getObject("id", UUID.class), TargetRows.strings(rs.getArray("destinations")),
                        TargetRows.ints(rs.getArray("try_counts")), rs.getString("time_zone")))
                .list();
    }

    /** Writes the decisions in one statement; answers the rows as they are now, in no particular order. */
    List<OutdialTarget> apply(List<Decision> decisions, Instant leaseUntil,
            Instant now) {
        int n = decisions.size();
        String[] ids = new String[n];
        String[] statuses = new String[n];
        String[] claims = new String[n];
        String[] slots = new String[n];
        String[] waits = new String[n];
        for (int i = 0; i < n; i++) {
            Decision d = decisions.get(i);
            ids[i] = d.id().toString();
            statuses[i] = d.status();
            claims[i] = d.claimed() ? d.claimId().toString() : null;
            slots[i] = d.claimed() ? Integer.toString(d.slot()) : null;
            waits[i] = d.waitUntil() == null ? null : d.waitUntil().toString();
        }
        return jdbc.sql("""
                UPDATE outdialtargets t SET status = c.status,
                    claim_id = COALESCE(c.claim, t.claim_id), claim_slot = COALESCE(c.slot, t.claim_slot),
                    next_try_at = CASE WHEN c.status = 'PROGRESSING' THEN :until ELSE COALESCE(c.wait, t.next_try_at) END,
                    version = t.version + 1, tm_update = :now
                FROM unnest(CAST(:ids AS uuid[]), CAST(:statuses AS text[]), CAST(:claims AS uuid[]),
                    CAST(:slots AS integer[]), CAST(:waits AS timestamptz[])) AS c(id, status, claim, slot, wait)
                WHERE t.id = c.id
                RETURNING t.*""")
                .param("ids", ids).param("statuses", statuses).param("claims", claims).param("slots", slots).param("waits", waits)
                .param("until", TargetRows.odt(leaseUntil)).param("now", TargetRows.odt(now))
                .query(rows::map).list();
    }

    /** When the outdial's next target falls due; empty when none is left to dial. */
    Optional<Instant> nextDue(UUID outdialId) {
        return jdbc.sql("SELECT min(next_try_at) FROM outdialtargets WHERE outdial_id = :outdial AND tm_delete IS NULL "
                        + "AND status IN ('IDLE', 'PROGRESSING')")
                .param("outdial", outdialId)
                .query((rs, n) -> {
                    OffsetDateTime value = rs.getObject(1, OffsetDateTime.class);
                    return Optional.ofNullable(value).map(OffsetDateTime::toInstant);
                })
                .single();
    }
}
