package net.voipbin.flowmanager.flow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import net.voipbin.contract.flowmanager.Action;
import net.voipbin.contract.flowmanager.Flow;
import net.voipbin.rpc.rest.PageQuery;
import tools.jackson.databind.json.JsonMapper;

/** Flows in PostgreSQL; every query is scoped by customer_id. */
@Repository
class FlowRepository {

    private static final String COLUMNS = "id, customer_id, name, detail, actions, tm_create, tm_update";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    FlowRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Flow insert(UUID customerId, String name, String detail, List<Action> actions) {
        return jdbc.sql("INSERT INTO flows (id, customer_id, name, detail, actions, tm_create, tm_update) "
                        + "VALUES (:id, :customer, :name, :detail, CAST(:actions AS jsonb), now(), now()) RETURNING " + COLUMNS)
                .param("id", UUID.randomUUID()).param("customer", customerId).param("name", name)
                .param("detail", detail).param("actions", json.writeValueAsString(actions))
                .query(this::map).single();
    }

    Optional<Flow> find(UUID customerId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM flows WHERE id = :id AND customer_id = :customer AND tm_delete IS NULL")
                .param("id", id).param("customer", customerId).query(this::map).optional();
    }

    /** Up to page size + 1 rows, newest first, after the cursor. */
    List<Flow> list(UUID customerId, PageQuery page) {
        Instant after = page.cursor().map(c -> c.tmCreate()).orElse(Instant.parse("9999-12-31T00:00:00Z"));
        UUID afterId = page.cursor().map(c -> c.id()).orElse(new UUID(-1L, -1L));
        return jdbc.sql("SELECT " + COLUMNS + " FROM flows WHERE customer_id = :customer AND tm_delete IS NULL "
                        + "AND (tm_create, id) < (:after, :afterId) ORDER BY tm_create DESC, id DESC LIMIT :limit")
                .param("customer", customerId).param("after", OffsetDateTime.ofInstant(after, ZoneOffset.UTC))
                .param("afterId", afterId).param("limit", page.pageSize() + 1)
                .query(this::map).list();
    }

    Optional<Flow> update(UUID customerId, UUID id, String name, String detail, List<Action> actions) {
        return jdbc.sql("UPDATE flows SET name = :name, detail = :detail, actions = CAST(:actions AS jsonb), "
                        + "tm_update = now() WHERE id = :id AND customer_id = :customer AND tm_delete IS NULL RETURNING "
                        + COLUMNS)
                .param("id", id).param("customer", customerId).param("name", name).param("detail", detail)
                .param("actions", json.writeValueAsString(actions))
                .query(this::map).optional();
    }

    boolean delete(UUID customerId, UUID id) {
        return jdbc.sql("UPDATE flows SET tm_delete = now(), tm_update = now() "
                        + "WHERE id = :id AND customer_id = :customer AND tm_delete IS NULL")
                .param("id", id).param("customer", customerId).update() == 1;
    }

    private Flow map(ResultSet rs, int row) throws SQLException {
        return new Flow(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                rs.getString("name"), rs.getString("detail"),
                Arrays.asList(json.readValue(rs.getString("actions"), Action[].class)),
                instant(rs, "tm_create"), instant(rs, "tm_update"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
