package net.voipbin.contract.queuemanager;

import java.util.UUID;

/**
 * {@code GET /v1/queues/{id}/capacity}: what a queue can serve at this instant. {@code available_agents}: agents
 * who have every skill the queue requires (at least at its level) and are {@code available} (would be rung now);
 * {@code busy_agents}: the same agents ringing, talking or in wrap-up (they come back by themselves);
 * {@code waiting_calls}: callers waiting in the queue with no agent rung for them (a caller being offered to an
 * agent has already taken that agent out of the available ones). A campaign dialing
 * for the queue paces itself on these (progressive and predictive modes).
 */
public record QueueCapacity(UUID queueId, long availableAgents, long busyAgents, long waitingCalls) {
}
