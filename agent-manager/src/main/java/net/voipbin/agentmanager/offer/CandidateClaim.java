package net.voipbin.agentmanager.offer;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import net.voipbin.contract.agentmanager.AgentSkill;
import net.voipbin.contract.agentmanager.ReservationStrategy;

/**
 * The reservation's pick: the matching available agents in the strategy's order, locked {@code FOR UPDATE
 * SKIP LOCKED}. A row another transaction holds (another reservation, a status change) is passed over rather
 * than waited for, and a row changed since the statement's snapshot is checked again after the lock (it is
 * no longer available: not taken). So concurrent reservers, on any instance, never get the same agent.
 */
@Repository
class CandidateClaim {

    private static final String MATCHING = """
            FROM agent_states s JOIN agents a ON a.id = s.id
            WHERE s.customer_id = :customer AND s.status = 'AVAILABLE'
              AND NOT (s.id = ANY(CAST(:exclude AS uuid[])))
              AND NOT EXISTS (
                  SELECT 1 FROM unnest(CAST(:skills AS text[]), CAST(:levels AS int[])) AS r(name, level)
                  WHERE NOT EXISTS (SELECT 1 FROM agent_skills k
                                    WHERE k.agent_id = s.id AND k.name = r.name AND k.level >= r.level))
            """;

    private final JdbcClient jdbc;

    CandidateClaim(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} agent ids, locked by the calling transaction, in the order to offer them. */
    List<UUID> lock(Criteria criteria, int limit) {
        return bind(jdbc.sql("SELECT s.id " + MATCHING + " ORDER BY " + CandidateOrder.of(criteria.strategy())
                + " LIMIT :limit FOR UPDATE OF s SKIP LOCKED"), criteria)
                .param("limit", limit).query(UUID.class).list();
    }

    /** How many agents match now, locked or not: when none could be locked, the others are held by someone. */
    int matching(Criteria criteria) {
        return bind(jdbc.sql("SELECT count(*) " + MATCHING), criteria).query(Integer.class).single();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Criteria c) {
        return statement.param("customer", c.customerId())
                .param("exclude", ids(c.exclude()))
                .param("skills", c.skills().stream().map(AgentSkill::name).toArray(String[]::new))
                .param("levels", c.skills().stream().map(AgentSkill::level).toArray(Integer[]::new))
                .param("order", ids(c.order()))
                .param("after", c.after() == null ? null : c.after().toString(), java.sql.Types.VARCHAR)
                .param("now", c.now().atOffset(java.time.ZoneOffset.UTC))
                .param("halfLife", (double) c.recentCallsHalfLife().toMillis() / 1000);
    }

    private static String[] ids(List<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }

    /** Who may be picked and in which order; skills already validated and lower case. */
    record Criteria(UUID customerId, ReservationStrategy strategy, List<AgentSkill> skills, List<UUID> exclude,
            List<UUID> order, UUID after, java.time.Instant now, java.time.Duration recentCallsHalfLife) {
    }
}
