package net.voipbin.queuemanager.capacity;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import net.voipbin.contract.agentmanager.Agent;
import net.voipbin.contract.agentmanager.AgentManagerClient;
import net.voipbin.contract.agentmanager.AgentPage;
import net.voipbin.contract.agentmanager.AgentSkill;
import net.voipbin.contract.agentmanager.AgentStatus;
import net.voipbin.contract.queuemanager.Queue;
import net.voipbin.contract.queuemanager.QueueCapacity;
import net.voipbin.queuemanager.queue.QueueService;

/**
 * What a queue can serve now, for a dialer pacing itself on it (campaign-manager's progressive and predictive
 * modes): the queue knows its required skills and its waiting callers, agent-manager its agents' statuses, so the
 * answer is put together here, where both are known, and read fresh by whoever asks (no copy of agent statuses kept
 * elsewhere that could drift). Agents are matched as a reservation matches them: every required skill at least at
 * its level.
 */
@Service
class QueueCapacityService {

    /** The customer's agents read at most (pages of 100): a capacity for a bigger floor is a lower bound. */
    static final int MAX_AGENTS = 2000;
    private static final Set<AgentStatus> BUSY = EnumSet.of(AgentStatus.RINGING, AgentStatus.BUSY, AgentStatus.WRAP_UP);

    private final QueueService queues;
    private final AgentManagerClient agents;
    private final JdbcClient jdbc;

    QueueCapacityService(QueueService queues, AgentManagerClient agents, JdbcClient jdbc) {
        this.queues = queues;
        this.agents = agents;
        this.jdbc = jdbc;
    }

    QueueCapacity capacity(UUID customerId, UUID queueId) {
        Queue queue = queues.get(customerId, queueId);
        // The first required skill narrows agent-manager's list; the others are checked here.
        String skill = queue.skills().isEmpty() ? null : queue.skills().getFirst().name();
        long available = 0;
        long busy = 0;
        String token = null;
        int read = 0;
        do {
            AgentPage page = agents.list(customerId, null, skill, 100, token);
            for (Agent agent : page.result()) {
                if (!qualified(agent, queue.skills())) {
                    continue;
                }
                if (agent.status() == AgentStatus.AVAILABLE) {
                    available++;
                } else if (BUSY.contains(agent.status())) {
                    busy++;
                }
            }
            read += page.result().size();
            token = page.nextPageToken();
        } while (token != null && read < MAX_AGENTS);
        return new QueueCapacity(queueId, available, busy, waiting(queueId));
    }

    static boolean qualified(Agent agent, List<AgentSkill> required) {
        return required.stream().allMatch(s -> agent.level(s.name()) >= s.level());
    }

    /** Callers with no agent rung for them (an offered caller already took an agent out of the available ones). */
    private long waiting(UUID queueId) {
        return jdbc.sql("SELECT count(*) FROM queuecalls WHERE queue_id = :queue AND status = 'WAITING'")
                .param("queue", queueId).query(Long.class).single();
    }
}
