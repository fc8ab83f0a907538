package net.voipbin.contract.agentmanager;

/**
 * How a reservation picks among the matching available agents (Asterisk app_queue's eight strategies). Ties
 * are broken by creation time, then id.
 * <ul>
 * <li>{@code ring_all}: every matching agent (up to {@code max_agents}), longest idle first.</li>
 * <li>{@code round_robin}: the next agent after {@code after_agent_id} in creation order, wrapping around
 * (app_queue rrmemory; the caller keeps the cursor: the agent it was given last).</li>
 * <li>{@code round_robin_ordered}: the same in the order of {@code order} (app_queue rrordered).</li>
 * <li>{@code longest_idle}: the agent whose last call ended longest ago, never-called agents first (leastrecent).</li>
 * <li>{@code least_calls}: the agent with the fewest recent answered calls, then the longest idle (fewestcalls;
 * calls count less and less with age, half after {@code voipbin.agent-manager.recent-calls-half-life}, 1 h, so an
 * agent joining the team is not given every call until catching up with colleagues' lifetime counts).</li>
 * <li>{@code random}: any, uniformly.</li>
 * <li>{@code linear}: the first in {@code order}; agents not listed come after, in creation order.</li>
 * <li>{@code weighted_random}: random, weighted by the agent's levels in the required skills (sum; 1 each when
 * none are required), so a level-80 agent is picked four times as often as a level-20 one.</li>
 * </ul>
 */
public enum ReservationStrategy {
    RING_ALL, ROUND_ROBIN, ROUND_ROBIN_ORDERED, LONGEST_IDLE, LEAST_CALLS, RANDOM, LINEAR, WEIGHTED_RANDOM
}
