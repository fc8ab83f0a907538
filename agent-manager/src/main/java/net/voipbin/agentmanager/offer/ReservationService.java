package net.voipbin.agentmanager.offer;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.agentmanager.agent.AgentStatusService;
import net.voipbin.agentmanager.config.AgentManagerProperties;
import net.voipbin.contract.agentmanager.Agent;
import net.voipbin.contract.agentmanager.AgentReserve;
import net.voipbin.contract.agentmanager.AgentSkill;
import net.voipbin.contract.agentmanager.Reservation;
import net.voipbin.contract.agentmanager.ReservationStrategy;
import net.voipbin.rpc.error.ApiException;

/**
 * Reserves agents for an offer: picks by the strategy and sets them ringing in one transaction, so an agent is
 * never offered two calls, whatever the number of queue-manager and agent-manager instances.
 */
@Service
class ReservationService {

    private static final Logger log = LoggerFactory.getLogger(ReservationService.class);
    static final int DEFAULT_RING_ALL = 50;

    private final CandidateClaim claim;
    private final AgentStatusService statuses;
    private final TransactionTemplate tx;
    private final AgentManagerProperties properties;
    private final Clock clock;

    ReservationService(CandidateClaim claim, AgentStatusService statuses, TransactionTemplate tx,
            AgentManagerProperties properties, Clock clock) {
        this.clock = clock;
        this.claim = claim;
        this.statuses = statuses;
        this.tx = tx;
        this.properties = properties;
    }

    Reservation reserve(AgentReserve request) {
        CandidateClaim.Criteria criteria = criteria(request);
        UUID id = request.reservationId() == null ? UUID.randomUUID() : request.reservationId();
        Duration ringTimeout = request.ringTimeoutSeconds() == null
                ? properties.ringTimeout() : Duration.ofSeconds(request.ringTimeoutSeconds());
        int limit = request.strategy() != ReservationStrategy.RING_ALL ? 1
                : request.maxAgents() == null ? DEFAULT_RING_ALL : request.maxAgents();
        List<Agent> agents = tx.execute(status -> {
            if (request.reservationId() != null) {
                // A retry of a reservation that went through (the caller missed the answer): the same agents.
                List<Agent> held = statuses.heldBy(request.customerId(), id);
                if (!held.isEmpty()) {
                    return held;
                }
            }
            List<UUID> locked = claim.lock(criteria, limit);
            return locked.isEmpty() ? List.of() : statuses.reserve(locked, id, request.referenceId(), ringTimeout);
        });
        int lockedCandidates = agents.isEmpty() ? claim.matching(criteria) : 0;
        log.info("reservation {} ({}) for customer {}, reference {}: {}", id, request.strategy(), request.customerId(),
                request.referenceId(), agents.isEmpty() ? "nobody available (" + lockedCandidates + " held elsewhere)"
                        : agents.stream().map(a -> a.id().toString()).toList());
        return new Reservation(id, request.customerId(), request.strategy(), agents, lockedCandidates);
    }

    private CandidateClaim.Criteria criteria(AgentReserve request) {
        if (request.strategy() == ReservationStrategy.ROUND_ROBIN_ORDERED && request.order().isEmpty()) {
            throw ApiException.invalidField("order", "round_robin_ordered needs the agents' order");
        }
        List<AgentSkill> skills = new ArrayList<>();
        for (int i = 0; i < request.skills().size(); i++) {
            // Names and levels were validated with the body (AgentSkill's constraints); matching ignores case.
            AgentSkill given = request.skills().get(i);
            AgentSkill skill = new AgentSkill(given.name().toLowerCase(Locale.ROOT), given.level());
            if (skills.stream().anyMatch(s -> s.name().equals(skill.name()))) {
                throw ApiException.invalidField("skills[" + i + "].name", "skill " + skill.name() + " is listed twice");
            }
            skills.add(skill);
        }
        return new CandidateClaim.Criteria(request.customerId(), request.strategy(), skills,
                request.excludeAgentIds(), request.order(), request.afterAgentId(), clock.instant(),
                properties.recentCallsHalfLife());
    }
}
