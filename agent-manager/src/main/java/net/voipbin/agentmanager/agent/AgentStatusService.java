package net.voipbin.agentmanager.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.agentmanager.config.AgentManagerProperties;
import net.voipbin.contract.agentmanager.Agent;
import net.voipbin.contract.agentmanager.AgentManagerEvents;
import net.voipbin.contract.agentmanager.AgentStatus;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.event.EventPublisher;

/**
 * Every status change of an agent: lock the state row, apply the entity's transition, store it and announce
 * {@code agent_status_updated} (the agent with its previous status) in the same transaction, through the
 * outbox: the event exists exactly when the change does. A call that changes nothing (a repeated report)
 * stores and announces nothing. Each method joins the caller's transaction or runs in its own.
 */
@Service
public class AgentStatusService {

    private static final Logger log = LoggerFactory.getLogger(AgentStatusService.class);

    private final AgentRepository agents;
    private final AgentStateRepository states;
    private final EventPublisher events;
    private final ApplicationEventPublisher local;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AgentManagerProperties properties;

    AgentStatusService(AgentRepository agents, AgentStateRepository states, EventPublisher events,
            ApplicationEventPublisher local, TransactionTemplate tx, Clock clock, AgentManagerProperties properties) {
        this.properties = properties;
        this.agents = agents;
        this.states = states;
        this.events = events;
        this.local = local;
        this.tx = tx;
        this.clock = clock;
    }

    /** Self-service: offline, available or away. */
    Agent setByAgent(UUID customerId, UUID agentId, AgentStatus status) {
        return change(customerId, agentId, state -> state.setByAgent(status, clock.instant()));
    }

    /** Sets agents this transaction has locked ringing for {@code reservation}; in the order given. */
    public List<Agent> reserve(List<UUID> lockedIds, UUID reservation, UUID reference, Duration ringTimeout) {
        return inTx(() -> {
            Instant now = clock.instant();
            Map<UUID, AgentStateEntity> byId = states.findByIdInOrderById(lockedIds).stream()
                    .collect(Collectors.toMap(AgentStateEntity::id, Function.identity()));
            List<AgentStateEntity> reserved = new ArrayList<>();
            for (UUID id : lockedIds) {
                AgentStateEntity state = byId.get(id);
                state.reserve(reservation, reference, now, now.plus(ringTimeout));
                reserved.add(state);
            }
            return storeAndAnnounce(reserved);
        });
    }

    /** The agents whose current reservation is {@code reservation}, in any status. */
    public List<Agent> heldBy(UUID customerId, UUID reservation) {
        return inTx(() -> toAgents(states.findByReservationIdAndCustomerIdOrderById(reservation, customerId)));
    }

    /**
     * The agent is rung on for {@code reservation} (a linear agent's next address): a later ring deadline, no status
     * change and so no {@code agent_status_updated}; this instance wakes at the new deadline.
     */
    public Agent ringLonger(UUID customerId, UUID agentId, UUID reservation, Duration ringTimeout) {
        return inTx(() -> {
            AgentStateEntity state = states.findByIdAndCustomerId(agentId, customerId)
                    .orElseThrow(() -> ApiException.notFound("agent " + agentId));
            Instant until = clock.instant().plus(ringTimeout);
            state.ringUntil(reservation, until);
            Agent agent = toAgents(List.of(states.save(state))).getFirst();
            local.publishEvent(new DeadlineSet(agentId, until));
            log.info("agent {}: rung on for reservation {} until {}", agentId, reservation, until);
            return agent;
        });
    }

        public Agent answer(UUID customerId, UUID agentId, UUID reservation) {
        return change(customerId, agentId, state -> state.answer(reservation, clock.instant(),
                properties.recentCallsHalfLife()));
    }

    public Agent miss(UUID customerId, UUID agentId, UUID reservation, int awayAfter) {
        return change(customerId, agentId, state -> state.miss(reservation, awayAfter, clock.instant()));
    }

    public Agent end(UUID customerId, UUID agentId, UUID reservation, Duration wrapUp) {
        return change(customerId, agentId, state -> state.end(reservation, wrapUp, clock.instant()));
    }

    /** Every agent still ringing for {@code reservation} becomes available; answers those. */
    public List<Agent> release(UUID customerId, UUID reservation) {
        return inTx(() -> {
            Instant now = clock.instant();
            List<AgentStateEntity> released = states.findByReservationIdAndCustomerIdOrderById(reservation, customerId)
                    .stream().filter(state -> state.release(reservation, now)).toList();
            return storeAndAnnounce(released);
        });
    }

    /**
     * The deadline of an agent this transaction has locked (the sweeper's claim) is over: a ringing agent
     * missed the offer, a wrap-up ends. Empty when nothing was due any more.
     */
    public Optional<Agent> deadlinePassed(UUID agentId, int awayAfter) {
        return inTx(() -> {
            for (AgentStateEntity state : states.findByIdInOrderById(List.of(agentId))) {
                if (state.deadlinePassed(awayAfter, clock.instant())) {
                    return Optional.of(storeAndAnnounce(List.of(state)).getFirst());
                }
                states.save(state);
            }
            return Optional.<Agent>empty();
        });
    }

    private Agent change(UUID customerId, UUID agentId, Predicate<AgentStateEntity> transition) {
        return inTx(() -> {
            AgentStateEntity state = states.findByIdAndCustomerId(agentId, customerId)
                    .orElseThrow(() -> ApiException.notFound("agent " + agentId));
            if (!transition.test(state)) {
                return toAgents(List.of(state)).getFirst();
            }
            return storeAndAnnounce(List.of(state)).getFirst();
        });
    }

    private List<Agent> storeAndAnnounce(List<AgentStateEntity> changed) {
        List<Agent> result = toAgents(states.saveAll(changed));
        for (Agent agent : result) {
            events.publish(AgentManagerEvents.AGENT_STATUS_UPDATED, agent);
            if (agent.statusUntil() != null) {
                local.publishEvent(new DeadlineSet(agent.id(), agent.statusUntil()));
            }
            log.info("agent {} of customer {}: {} -> {} ({}{})", agent.id(), agent.customerId(),
                    agent.previousStatus() == null ? "-" : agent.previousStatus().wireName(), agent.status().wireName(),
                    agent.statusReason().name().toLowerCase(java.util.Locale.ROOT),
                    agent.reservationId() == null ? "" : ", reservation " + agent.reservationId());
        }
        return result;
    }

    /** The contract records of {@code stateRows}, in their order. */
    List<Agent> toAgents(List<AgentStateEntity> stateRows) {
        Map<UUID, AgentEntity> profiles = new java.util.HashMap<>();
        agents.findAllById(stateRows.stream().map(AgentStateEntity::id).toList())
                .forEach(profile -> profiles.put(profile.id(), profile));
        return stateRows.stream().map(state -> profiles.get(state.id()).toAgent(state)).toList();
    }

    private <T> T inTx(java.util.function.Supplier<T> work) {
        return tx.execute(status -> work.get());
    }
}
