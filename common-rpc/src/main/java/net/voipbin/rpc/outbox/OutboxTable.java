package net.voipbin.rpc.outbox;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service's {@code event_outbox} table, in its own schema (each service creates it with a Flyway
 * migration). A row lives from the transaction that made the event until the broker confirms it.
 */
public final class OutboxTable {

    private static final String INSERT = "INSERT INTO event_outbox (event_id, exchange, routing_key, trace_id, body) "
            + "VALUES (?, ?, ?, ?, ?)";

    /**
     * Rows older than the given age are taken over: their age is reset (a lease, so another instance's
     * sweep leaves them alone while they are sent) and they come back oldest first.
     */
    private static final String LEASE_STALE = """
            UPDATE event_outbox SET created_at = now()
            WHERE event_id IN (SELECT event_id FROM event_outbox
                               WHERE created_at < now() - make_interval(secs => ?)
                               ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED)
            RETURNING seq, event_id, exchange, routing_key, trace_id, body""";

    private final JdbcTemplate jdbc;

    public OutboxTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the entries on the caller's connection: inside its transaction when it has one. */
    public void insert(List<OutboxEntry> entries) {
        if (entries.size() == 1) {
            OutboxEntry entry = entries.getFirst();
            jdbc.update(INSERT, entry.eventId(), entry.exchange(), entry.routingKey(), entry.traceId(), entry.body());
            return;
        }
        jdbc.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement statement, int i) throws SQLException {
                OutboxEntry entry = entries.get(i);
                statement.setObject(1, entry.eventId());
                statement.setString(2, entry.exchange());
                statement.setString(3, entry.routingKey());
                statement.setString(4, entry.traceId());
                statement.setBytes(5, entry.body());
            }

            @Override
            public int getBatchSize() {
                return entries.size();
            }
        });
    }

    /** Forgets events the broker has confirmed. */
    public void delete(Collection<UUID> eventIds) {
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement("DELETE FROM event_outbox WHERE event_id = ANY (?)");
            statement.setArray(1, connection.createArrayOf("uuid", eventIds.toArray()));
            return statement;
        });
    }

    /** Takes over up to {@code limit} events written more than {@code age} ago and still unconfirmed. */
    public List<OutboxEntry> leaseStale(Duration age, int limit) {
        record Leased(long seq, OutboxEntry entry) {
        }
        List<Leased> leased = jdbc.query(LEASE_STALE, (row, n) -> new Leased(row.getLong("seq"),
                new OutboxEntry(row.getObject("event_id", UUID.class), row.getString("exchange"),
                        row.getString("routing_key"), row.getString("trace_id"), row.getBytes("body"))),
                age.toMillis() / 1000.0, limit);
        return leased.stream().sorted(Comparator.comparingLong(Leased::seq)).map(Leased::entry).toList();
    }
}
