package net.voipbin.webhookmanager.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import net.voipbin.webhookmanager.signing.SecretCipher;

/**
 * Deliveries parked under the endpoint that could not take them (see {@link EndpointBacklog}). A parked
 * delivery keeps a lease of the instance that parked it, so no scheduler picks it meanwhile; its
 * endpoint claims it back when it has room.
 */
@Repository
class BacklogRepository {

    private static final String PARK = """
            UPDATE deliveries d SET parked_on = p.endpoint, next_attempt_at = now() + make_interval(secs => ?)
            FROM unnest(?::uuid[], ?::text[]) AS p(id, endpoint)
            WHERE d.id = p.id AND d.status = 'pending'
            """;

    /** One delivery to park, under its endpoint. */
    record Park(UUID id, String endpoint) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final RowMapper<ClaimedDelivery> claimed;

    BacklogRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.claimed = DeliveryRows.claimed(cipher);
    }

    /** Parks a batch in one statement, each leased for {@code lease} more. */
    int[] parkAll(List<Park> parks, Duration lease) {
        jdbcTemplate.execute((Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement(PARK)) {
                statement.setDouble(1, lease.toMillis() / 1000.0);
                statement.setArray(2, connection.createArrayOf("uuid", parks.stream().map(Park::id).toArray()));
                statement.setArray(3, connection.createArrayOf("text", parks.stream().map(Park::endpoint).toArray()));
                return statement.executeUpdate();
            }
        });
        int[] counts = new int[parks.size()];
        Arrays.fill(counts, 1);
        return counts;
    }

    /** Makes the deliveries parked under these endpoints due now, for any instance (this one is stopping). */
    int unparkAll(List<String> endpoints) {
        return jdbcTemplate.execute((Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement("""
                    UPDATE deliveries SET parked_on = NULL, next_attempt_at = now()
                    WHERE status = 'pending' AND parked_on = ANY (?::text[])""")) {
                statement.setArray(1, connection.createArrayOf("text", endpoints.toArray()));
                return statement.executeUpdate();
            }
        });
    }

    /** Leases up to {@code limit} deliveries parked under {@code endpoint}, the oldest events first. */
    List<ClaimedDelivery> claimParked(String endpoint, int limit, Duration lease) {
        return jdbc.sql("""
                WITH parked AS (
                    SELECT id FROM deliveries
                    WHERE status = 'pending' AND parked_on = :endpoint
                    ORDER BY tm_create LIMIT :limit
                    FOR UPDATE SKIP LOCKED)
                UPDATE deliveries d SET next_attempt_at = now() + make_interval(secs => :lease), parked_on = NULL
                FROM parked, webhooks w
                WHERE d.id = parked.id AND w.id = d.webhook_id
                RETURNING\s""" + DeliveryRows.CLAIMED)
                .param("endpoint", endpoint).param("limit", limit).param("lease", lease.toMillis() / 1000.0)
                .query(claimed).list();
    }
}
