package net.voipbin.agentmanager.agent;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.contract.agentmanager.Agent;
import net.voipbin.contract.agentmanager.AgentManagerEvents;
import net.voipbin.contract.agentmanager.AgentStatus;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.event.EventPublisher;
import net.voipbin.rpc.rest.Page;
import net.voipbin.rpc.rest.PageCursor;
import net.voipbin.rpc.rest.PageQuery;

/** A customer's agents: create, read, list, change the profile, delete. Status changes: {@link AgentStatusService}. */
@Service
public class AgentService {

    private static final Logger log = LoggerFactory.getLogger(AgentService.class);
    private static final Instant NEWEST = Instant.parse("9999-12-31T00:00:00Z");

    private final AgentRepository agents;
    private final AgentStateRepository states;
    private final EventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    AgentService(AgentRepository agents, AgentStateRepository states, EventPublisher events, TransactionTemplate tx,
            Clock clock) {
        this.agents = agents;
        this.states = states;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    Agent create(UUID customerId, AgentRequests.Create request) {
        AgentProfile profile = AgentValidation.profile(request.name(), request.detail(), request.ringMethod(),
                request.addresses(), request.skills());
        Agent agent = tx.execute(status -> {
            Instant now = clock.instant();
            AgentEntity created = agents.save(AgentEntity.create(UUID.randomUUID(), customerId, profile, now));
            AgentStateEntity state = states.save(AgentStateEntity.created(created.id(), customerId, now));
            return announced(AgentManagerEvents.AGENT_CREATED, created.toAgent(state));
        });
        log.info("agent {} created for customer {}", agent.id(), customerId);
        return agent;
    }

    /** The customer's agent; another customer's is not found. */
    public Agent get(UUID customerId, UUID id) {
        AgentEntity profile = profile(customerId, id);
        return profile.toAgent(states.findById(id).orElseThrow(() -> ApiException.notFound("agent " + id)));
    }

    /** A page of the customer's agents, newest first; {@code status} and {@code skill} filter when not null. */
    public Page<Agent> list(UUID customerId, String status, String skill, PageQuery page) {
        Instant after = page.cursor().map(PageCursor::tmCreate).orElse(NEWEST);
        UUID afterId = page.cursor().map(PageCursor::id).orElse(new UUID(-1L, -1L));
        List<AgentEntity> rows = agents.page(customerId, status == null ? null : parseStatus(status).name(),
                skill == null || skill.isBlank() ? null : skill.strip().toLowerCase(Locale.ROOT), after, afterId,
                page.pageSize() + 1);
        Map<UUID, AgentStateEntity> byId = new HashMap<>();
        states.findAllById(rows.stream().map(AgentEntity::id).toList()).forEach(s -> byId.put(s.id(), s));
        List<Agent> result = rows.stream().filter(r -> byId.containsKey(r.id())).map(r -> r.toAgent(byId.get(r.id())))
                .toList();
        return Page.of(result, page.pageSize(), a -> new PageCursor(a.tmCreate(), a.id()));
    }

    Agent update(UUID customerId, UUID id, AgentRequests.Update request) {
        try {
            Agent agent = tx.execute(status -> {
                AgentEntity profile = profile(customerId, id);
                AgentProfile old = profile.profile();
                profile.change(AgentValidation.profile(
                        request.name() == null ? old.name() : request.name(),
                        request.detail() == null ? old.detail() : request.detail(),
                        request.ringMethod() == null ? old.ringMethod() : request.ringMethod(),
                        request.addresses() == null ? old.addresses() : request.addresses(),
                        request.skills() == null ? old.skills() : request.skills()), clock.instant());
                AgentEntity saved = agents.save(profile);
                return announced(AgentManagerEvents.AGENT_UPDATED, saved.toAgent(states.findById(id).orElseThrow()));
            });
            log.info("agent {} of customer {} updated", id, customerId);
            return agent;
        } catch (OptimisticLockingFailureException e) {
            throw ApiException.conflict("agent_changed", "agent " + id + " was changed at the same time; read it and try again");
        }
    }

    void delete(UUID customerId, UUID id) {
        tx.executeWithoutResult(status -> {
            Agent agent = get(customerId, id);
            agents.deleteById(id);
            announced(AgentManagerEvents.AGENT_DELETED, agent);
        });
        log.info("agent {} of customer {} deleted", id, customerId);
    }

    /** A status as the API spells it ({@code wrap_up}), any case; anything else is a 400 naming the field. */
    static AgentStatus parseStatus(String status) {
        try {
            return AgentStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("status", "must be one of " + Arrays.stream(AgentStatus.values())
                    .map(AgentStatus::wireName).collect(Collectors.joining(", ")));
        }
    }

    private AgentEntity profile(UUID customerId, UUID id) {
        return agents.findByIdAndCustomerId(id, customerId).orElseThrow(() -> ApiException.notFound("agent " + id));
    }

    private Agent announced(String type, Agent agent) {
        events.publish(type, agent);
        return agent;
    }
}
