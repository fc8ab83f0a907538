package net.voipbin.outdialmanager.outdialtarget;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import net.voipbin.contract.outdialmanager.OutdialTarget;
import net.voipbin.contract.outdialmanager.OutdialTargetCounts;
import net.voipbin.contract.outdialmanager.OutdialTargetStatus;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The set-wise SQL on targets that the aggregate repository cannot do well: the bulk insert of an
 * import (one statement for any number of rows) and the counts per status. Also maps rows that such
 * statements return.
 */
@Repository
class TargetRows {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    TargetRows(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Inserts every draft in one statement: columns travel as arrays and {@code unnest} turns them back
     * into rows, in the given order (so their seq, the claim order among equals, follows the upload).
     * Slot i's numbers travel as their own array (null where a target has fewer slots), so each row
     * reads only its own cells.
     */
    int insertAll(UUID customerId, UUID outdialId, List<TargetDraft> drafts, Instant now) {
        int n = drafts.size();
        String[] names = new String[n];
        String[] details = new String[n];
        String[] data = new String[n];
        String[] zones = new String[n];
        String[][] slots = new String[TargetDrafts.MAX_DESTINATIONS][n];
        for (int i = 0; i < n; i++) {
            TargetDraft draft = drafts.get(i);
            names[i] = draft.name();
            details[i] = draft.detail();
            data[i] = draft.data();
            zones[i] = draft.timeZone();
            for (int slot = 0; slot < draft.destinations().size(); slot++) {
                slots[slot][i] = draft.destinations().get(slot);
            }
        }
        return jdbc.sql("""
                INSERT INTO outdialtargets (id, customer_id, outdial_id, name, detail, data, destinations, try_counts,
                    status, time_zone, next_try_at, version, tm_create, tm_update)
                SELECT gen_random_uuid(), :customer, :outdial, t.name, t.detail, t.data, d.list,
                    array_fill(0, ARRAY[cardinality(d.list)]), 'IDLE', t.zone, :now, 0, :now, :now
                FROM unnest(CAST(:names AS text[]), CAST(:details AS text[]), CAST(:data AS text[]),
                    CAST(:zones AS text[]), CAST(:d0 AS text[]), CAST(:d1 AS text[]), CAST(:d2 AS text[]),
                    CAST(:d3 AS text[]), CAST(:d4 AS text[])) WITH ORDINALITY
                    AS t(name, detail, data, zone, d0, d1, d2, d3, d4, n)
                CROSS JOIN LATERAL (SELECT array_remove(ARRAY[t.d0, t.d1, t.d2, t.d3, t.d4], NULL) AS list) d
                ORDER BY t.n""")
                .param("customer", customerId).param("outdial", outdialId).param("now", odt(now))
                .param("names", names).param("details", details).param("data", data).param("zones", zones)
                .param("d0", slots[0]).param("d1", slots[1]).param("d2", slots[2]).param("d3", slots[3])
                .param("d4", slots[4])
                .update();
    }

    OutdialTargetCounts counts(UUID outdialId) {
        Map<OutdialTargetStatus, Long> counts = new EnumMap<>(OutdialTargetStatus.class);
        jdbc.sql("SELECT status, count(*) AS n FROM outdialtargets WHERE outdial_id = :outdial AND tm_delete IS NULL "
                        + "GROUP BY status")
                .param("outdial", outdialId)
                .query((rs, row) -> counts.put(OutdialTargetStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                .list();
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return new OutdialTargetCounts(outdialId, counts.getOrDefault(OutdialTargetStatus.IDLE, 0L),
                counts.getOrDefault(OutdialTargetStatus.PROGRESSING, 0L), counts.getOrDefault(OutdialTargetStatus.DONE, 0L),
                counts.getOrDefault(OutdialTargetStatus.FAILED, 0L), counts.getOrDefault(OutdialTargetStatus.DNC, 0L), total);
    }

    Map<String, Object> data(String text) {
        return text == null || text.isEmpty() ? Map.of() : json.readValue(text, MAP);
    }

    /** A full row ({@code RETURNING *} or {@code SELECT *}) as the contract record. */
    OutdialTarget map(ResultSet rs, int row) throws SQLException {
        return target(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                rs.getObject("outdial_id", UUID.class), rs.getString("name"), rs.getString("detail"),
                data(rs.getString("data")), strings(rs.getArray("destinations")), ints(rs.getArray("try_counts")),
                OutdialTargetStatus.valueOf(rs.getString("status")), rs.getString("time_zone"),
                instant(rs, "next_try_at"), instant(rs, "tm_create"), instant(rs, "tm_update"));
    }

    /** {@code next_try_at} is shown for an idle target, {@code claim_expires_at} for a progressing one. */
    static OutdialTarget target(UUID id, UUID customerId, UUID outdialId, String name, String detail,
            Map<String, Object> data, List<String> destinations, List<Integer> tryCounts, OutdialTargetStatus status,
            String timeZone, Instant nextTryAt, Instant tmCreate, Instant tmUpdate) {
        List<OutdialTarget.Destination> slots = new ArrayList<>(destinations.size());
        for (int i = 0; i < destinations.size(); i++) {
            slots.add(new OutdialTarget.Destination(destinations.get(i), tryCounts.get(i)));
        }
        return new OutdialTarget(id, customerId, outdialId, name, detail, data, slots, status, timeZone,
                status == OutdialTargetStatus.IDLE ? nextTryAt : null,
                status == OutdialTargetStatus.PROGRESSING ? nextTryAt : null, tmCreate, tmUpdate);
    }

    static OffsetDateTime odt(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    static List<Integer> ints(Array array) throws SQLException {
        return Arrays.asList((Integer[]) array.getArray());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
