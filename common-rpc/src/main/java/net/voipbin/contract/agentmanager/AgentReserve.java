package net.voipbin.contract.agentmanager;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /v1/reservations}: pick available agents of {@code customer_id} having every skill in
 * {@code skills} at least at its level, none of {@code exclude_agent_ids}, by {@code strategy}, and set them
 * {@code ringing} in the same transaction.
 *
 * @param reservationId      idempotency key: a retry with the same id answers the agents it already reserved
 *                           (generated when absent)
 * @param referenceId        what is offered (queue-manager's queuecall id), recorded on the agents
 * @param order              agent ids in order, for {@code linear} and {@code round_robin_ordered}
 * @param afterAgentId       round-robin cursor: the agent the caller was given last
 * @param ringTimeoutSeconds when no outcome is reported in time, the offer counts as missed (default 60)
 * @param maxAgents          {@code ring_all}: at most this many agents (default 50)
 */
public record AgentReserve(
        @NotNull UUID customerId,
        UUID reservationId,
        UUID referenceId,
        @NotNull ReservationStrategy strategy,
        @Valid @Size(max = 50) List<AgentSkill> skills,
        @Size(max = 1000) List<UUID> excludeAgentIds,
        @Size(max = 1000) List<UUID> order,
        UUID afterAgentId,
        @Min(1) @Max(3600) Integer ringTimeoutSeconds,
        @Min(1) @Max(100) Integer maxAgents) {

    public AgentReserve {
        skills = skills == null ? List.of() : List.copyOf(skills);
        excludeAgentIds = excludeAgentIds == null ? List.of() : List.copyOf(excludeAgentIds);
        order = order == null ? List.of() : List.copyOf(order);
    }

    /** The common case: one agent by {@code strategy} with these skills, nobody excluded. */
    public static AgentReserve of(UUID customerId, UUID referenceId, ReservationStrategy strategy,
            List<AgentSkill> skills) {
        return new AgentReserve(customerId, null, referenceId, strategy, skills, List.of(), List.of(), null, null, null);
    }
}
