package net.voipbin.callmanager.number;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import net.voipbin.rpc.rest.PageQuery;

/** Numbers in PostgreSQL, soft-deleted; a live number belongs to one customer. */
@Repository
class NumberRepository {

    private static final String COLUMNS = "id, customer_id, number, flow_id, name, tm_create, tm_update";

    private final JdbcClient jdbc;

    NumberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty when the number is already taken. */
    Optional<PhoneNumber> insert(UUID id, UUID customerId, String number, UUID flowId, String name) {
        return jdbc.sql("INSERT INTO numbers (id, customer_id, number, flow_id, name, tm_create, tm_update) "
                        + "VALUES (:id, :customer, :number, :flow, :name, now(), now()) ON CONFLICT DO NOTHING RETURNING "
                        + COLUMNS)
                .param("id", id).param("customer", customerId).param("number", number).param("flow", flowId)
                .param("name", name == null ? "" : name).query(NumberRepository::map).optional();
    }

    Optional<PhoneNumber> find(UUID customerId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM numbers WHERE id = :id AND customer_id = :customer AND tm_delete IS NULL")
                .param("id", id).param("customer", customerId).query(NumberRepository::map).optional();
    }

    Optional<PhoneNumber> findLive(String number) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM numbers WHERE number = :number AND tm_delete IS NULL")
                .param("number", number).query(NumberRepository::map).optional();
    }

    List<PhoneNumber> list(UUID customerId, PageQuery page) {
        Instant after = page.cursor().map(c -> c.tmCreate()).orElse(Instant.parse("9999-12-31T00:00:00Z"));
        UUID afterId = page.cursor().map(c -> c.id()).orElse(new UUID(-1L, -1L));
        return jdbc.sql("SELECT " + COLUMNS + " FROM numbers WHERE customer_id = :customer AND tm_delete IS NULL "
                        + "AND (tm_create, id) < (:after, :afterId) ORDER BY tm_create DESC, id DESC LIMIT :limit")
                .param("customer", customerId).param("after", after.atOffset(ZoneOffset.UTC)).param("afterId", afterId)
                .param("limit", page.pageSize() + 1).query(NumberRepository::map).list();
    }

    Optional<PhoneNumber> update(UUID customerId, UUID id, UUID flowId, String name) {
        return jdbc.sql("UPDATE numbers SET flow_id = :flow, name = COALESCE(:name, name), tm_update = now() "
                        + "WHERE id = :id AND customer_id = :customer AND tm_delete IS NULL RETURNING " + COLUMNS)
                .param("id", id).param("customer", customerId).param("flow", flowId).param("name", name)
                .query(NumberRepository::map).optional();
    }

    boolean delete(UUID customerId, UUID id) {
        return jdbc.sql("UPDATE numbers SET tm_delete = now(), tm_update = now() "
                        + "WHERE id = :id AND customer_id = :customer AND tm_delete IS NULL")
                .param("id", id).param("customer", customerId).update() == 1;
    }

    private static PhoneNumber map(ResultSet rs, int row) throws SQLException {
        return new PhoneNumber(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                rs.getString("number"), rs.getObject("flow_id", UUID.class), rs.getString("name"),
                rs.getTimestamp("tm_create").toInstant(), rs.getTimestamp("tm_update").toInstant());
    }
}
