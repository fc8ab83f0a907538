package net.voipbin.agentmanager.deadline;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The deadline claim: one agent whose ringing or wrap-up time is over, locked {@code FOR UPDATE SKIP LOCKED}
 * by the calling transaction. Instances sweeping at the same time take different agents; an agent whose row
 * another transaction holds (an outcome report in flight) is left for the next sweep.
 */
@Repository
class DueAgents {

    private final JdbcClient jdbc;

    DueAgents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UUID> lockNext(Instant now) {
        return jdbc.sql("SELECT id FROM agent_states WHERE status_until <= :now ORDER BY status_until "
                        + "LIMIT 1 FOR UPDATE SKIP LOCKED")
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query(UUID.class).optional();
    }
}
