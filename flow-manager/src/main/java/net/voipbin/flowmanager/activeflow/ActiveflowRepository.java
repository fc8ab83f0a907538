package net.voipbin.flowmanager.activeflow;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import net.voipbin.contract.flowmanager.Action;
import net.voipbin.contract.flowmanager.Activeflow.ReferenceType;
import net.voipbin.contract.flowmanager.Activeflow.Status;
import net.voipbin.flowmanager.engine.ActiveflowState;
import net.voipbin.flowmanager.engine.ActiveflowStore;
import net.voipbin.flowmanager.engine.Wait;
import net.voipbin.rpc.rest.PageQuery;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Activeflows in PostgreSQL: the engine's durable store, and the customer-scoped queries of the API. */
@Repository
class ActiveflowRepository implements ActiveflowStore {

    private static final String COLUMNS = "id, customer_id, flow_id, reference_type, reference_id, actions, "
            + "current_action_id, status, variables, goto_counts, execute_count, wait_kind, wait_keys, wait_until, "
            + "error, tm_create, tm_update, tm_end";
    private static final TypeReference<Map<String, String>> VARIABLES = new TypeReference<>() { };
    private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ActiveflowRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public void insert(ActiveflowState s) {
        jdbc.sql("INSERT INTO activeflows (" + COLUMNS + ") VALUES (:id, :customer, :flow, :refType, :refId, "
                        + "CAST(:actions AS jsonb), :current, :status, CAST(:variables AS jsonb), CAST(:counts AS jsonb), "
                        + ":count, :waitKind, :waitKeys, :waitUntil, :error, :tmCreate, :tmUpdate, :tmEnd)")
                .paramSource(changes(s).addValue("actions", json.writeValueAsString(s.actions()))
                        .addValue("variables", json.writeValueAsString(s.variables()))
                        .addValue("counts", json.writeValueAsString(s.gotoCounts())))
                .update();
    }

    /**
     * Writes the columns an engine step changes; the JSON columns only when they differ from the stored
     * row (the actions, often the largest value, change only on fetch/fetch_flow).
     */
    @Override
    public void save(ActiveflowState s, ActiveflowState stored) {
        StringBuilder set = new StringBuilder("current_action_id = :current, status = :status, "
                + "execute_count = :count, wait_kind = :waitKind, wait_keys = :waitKeys, wait_until = :waitUntil, "
                + "error = :error, tm_update = :tmUpdate, tm_end = :tmEnd");
        MapSqlParameterSource values = changes(s);
        if (stored == null || !stored.actions().equals(s.actions())) {
            set.append(", actions = CAST(:actions AS jsonb)");
            values.addValue("actions", json.writeValueAsString(s.actions()));
        }
        if (stored == null || !stored.variables().equals(s.variables())) {
            set.append(", variables = CAST(:variables AS jsonb)");
            values.addValue("variables", json.writeValueAsString(s.variables()));
        }
        if (stored == null || !stored.gotoCounts().equals(s.gotoCounts())) {
            set.append(", goto_counts = CAST(:counts AS jsonb)");
            values.addValue("counts", json.writeValueAsString(s.gotoCounts()));
        }
        jdbc.sql("UPDATE activeflows SET " + set + " WHERE id = :id").paramSource(values).update();
    }

    @Override
    public Optional<ActiveflowState> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM activeflows WHERE id = :id").param("id", id)
                .query(this::map).optional();
    }

    Optional<ActiveflowState> find(UUID customerId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM activeflows WHERE id = :id AND customer_id = :customer")
                .param("id", id).param("customer", customerId).query(this::map).optional();
    }

    /** Up to page size + 1 rows, newest first, after the cursor. */
    List<ActiveflowState> list(UUID customerId, PageQuery page) {
        Instant after = page.cursor().map(c -> c.tmCreate()).orElse(Instant.parse("9999-12-31T00:00:00Z"));
        UUID afterId = page.cursor().map(c -> c.id()).orElse(new UUID(-1L, -1L));
        return jdbc.sql("SELECT " + COLUMNS + " FROM activeflows WHERE customer_id = :customer "
                        + "AND (tm_create, id) < (:after, :afterId) ORDER BY tm_create DESC, id DESC LIMIT :limit")
                .param("customer", customerId).param("after", odt(after)).param("afterId", afterId)
                .param("limit", page.pageSize() + 1).query(this::map).list();
    }

    /** The call's (or other reference's) latest activeflow but {@code except}, running or ended. */
    Optional<ActiveflowState> latestOf(UUID referenceId, UUID except) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM activeflows WHERE reference_id = :ref AND id <> :except "
                        + "ORDER BY tm_create DESC LIMIT 1")
                .param("ref", referenceId).param("except", except).query(this::map).optional();
    }

    @Override
    public List<ActiveflowState> running() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM activeflows WHERE status = 'running'").query(this::map).list();
    }

    /** Every column but the JSON ones, which cost a serialisation each and are bound where written. */
    private MapSqlParameterSource changes(ActiveflowState s) {
        Wait wait = s.awaiting();
        return new MapSqlParameterSource()
                .addValue("id", s.id())
                .addValue("customer", s.customerId()).addValue("flow", s.flowId())
                .addValue("refType", lower(s.referenceType())).addValue("refId", s.referenceId())
                .addValue("current", s.currentActionId()).addValue("status", lower(s.status()))
                .addValue("count", s.executeCount())
                .addValue("waitKind", wait == null ? null : lower(wait.kind()), Types.VARCHAR)
                .addValue("waitKeys", wait == null ? null : wait.keys().toArray(String[]::new), Types.ARRAY)
                .addValue("waitUntil", wait == null ? null : odt(wait.until()), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("error", s.error(), Types.VARCHAR)
                .addValue("tmCreate", odt(s.tmCreate())).addValue("tmUpdate", odt(s.tmUpdate()))
                .addValue("tmEnd", odt(s.tmEnd()), Types.TIMESTAMP_WITH_TIMEZONE);
    }

    private ActiveflowState map(ResultSet rs, int row) throws SQLException {
        return new ActiveflowState(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                rs.getObject("flow_id", UUID.class),
                ReferenceType.valueOf(rs.getString("reference_type").toUpperCase(Locale.ROOT)),
                rs.getObject("reference_id", UUID.class),
                Arrays.asList(json.readValue(rs.getString("actions"), Action[].class)),
                rs.getString("current_action_id"), Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                json.readValue(rs.getString("variables"), VARIABLES), json.readValue(rs.getString("goto_counts"), COUNTS),
                rs.getInt("execute_count"), wait(rs), rs.getString("error"), instant(rs, "tm_create"),
                instant(rs, "tm_update"), instant(rs, "tm_end"));
    }

    private static Wait wait(ResultSet rs) throws SQLException {
        String kind = rs.getString("wait_kind");
        if (kind == null) {
            return null;
        }
        Array keys = rs.getArray("wait_keys");
        return new Wait(Wait.Kind.valueOf(kind.toUpperCase(Locale.ROOT)), List.of((String[]) keys.getArray()),
                instant(rs, "wait_until"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime odt(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
