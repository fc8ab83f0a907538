package net.voipbin.queuemanager.stats;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import net.voipbin.contract.agentmanager.Agent;
import net.voipbin.contract.agentmanager.AgentManagerClient;
import net.voipbin.contract.agentmanager.AgentPage;
import net.voipbin.contract.agentmanager.AgentStatus;
import net.voipbin.contract.queuemanager.Queue;
import net.voipbin.contract.queuemanager.QueueStats;
import net.voipbin.queuemanager.queue.QueueService;

/** Queue figures computed from the queuecalls (one aggregate query), agent figures from agent-manager. */
@Service
class StatisticsService {

    private static final Set<AgentStatus> STAFFED = Set.of(AgentStatus.AVAILABLE, AgentStatus.RINGING,
            AgentStatus.BUSY, AgentStatus.WRAP_UP);

    private final JdbcClient jdbc;
    private final QueueService queues;
    private final AgentManagerClient agents;
    private final Clock clock;

    StatisticsService(JdbcClient jdbc, QueueService queues, AgentManagerClient agents, Clock clock) {
        this.jdbc = jdbc;
        this.queues = queues;
        this.agents = agents;
        this.clock = clock;
    }

    QueueStats queue(UUID customerId, UUID queueId) {
        Queue queue = queues.get(customerId, queueId);
        Timestamp now = Timestamp.from(clock.instant());
        long level = queue.serviceLevelSeconds() * 1000L;
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE status IN ('INITIATING', 'WAITING', 'OFFERING')) AS waiting,
                  COALESCE(max(extract(epoch FROM (:now - tm_create)) * 1000)
                      FILTER (WHERE status IN ('INITIATING', 'WAITING', 'OFFERING')), 0)::bigint AS longest,
                  count(*) FILTER (WHERE tm_connect IS NOT NULL) AS served,
                  count(*) FILTER (WHERE status = 'ABANDONED') AS abandoned,
                  count(*) FILTER (WHERE status = 'TIMEOUT') AS timed_out,
                  count(*) FILTER (WHERE status = 'KICKED') AS kicked,
                  COALESCE(avg(waited_ms) FILTER (WHERE tm_connect IS NOT NULL), 0)::bigint AS avg_wait,
                  COALESCE(avg(talked_ms) FILTER (WHERE status = 'DONE'), 0)::bigint AS avg_talk,
                  count(*) FILTER (WHERE tm_connect IS NOT NULL AND waited_ms <= :level) AS within,
                  count(*) FILTER (WHERE tm_connect IS NOT NULL OR status IN ('ABANDONED', 'TIMEOUT')) AS ended
                FROM queuecalls WHERE queue_id = :queue""")
                .param("now", now).param("level", level).param("queue", queueId)
                .query((rs, n) -> {
                    long ended = rs.getLong("ended");
                    double percent = ended == 0 ? 100.0 : Math.round(rs.getLong("within") * 10000.0 / ended) / 100.0;
                    return new QueueStats(queueId, rs.getLong("waiting"), rs.getLong("longest"), rs.getLong("served"),
                            rs.getLong("abandoned"), rs.getLong("timed_out"), rs.getLong("kicked"), rs.getLong("avg_wait"),
                            rs.getLong("avg_talk"), queue.serviceLevelSeconds(), percent);
                }).single();
    }

    /** Every agent of the customer (up to 1 000), newest first. */
    List<AgentStatistics> agents(UUID customerId) {
        List<AgentStatistics> result = new ArrayList<>();
        String token = null;
        Instant now = clock.instant();
        do {
            AgentPage page = agents.list(customerId, null, null, 100, token);
            page.result().forEach(a -> result.add(of(a, now)));
            token = page.nextPageToken();
        } while (token != null && result.size() < 1000);
        return result;
    }

    private static AgentStatistics of(Agent a, Instant now) {
        long staffed = a.stats().staffedMs();
        if (STAFFED.contains(a.status()) && a.tmStatus() != null) {
            staffed += Math.max(0, Duration.between(a.tmStatus(), now).toMillis());
        }
        double occupancy = staffed == 0 ? 0 : Math.round(a.stats().talkMs() * 10000.0 / staffed) / 100.0;
        return new AgentStatistics(a.id(), a.name(), a.status(), a.stats().offered(), a.stats().answered(),
                a.stats().missed(), a.stats().talkMs(), staffed, occupancy);
    }
}
