package net.voipbin.agentmanager.offer;

import net.voipbin.contract.agentmanager.ReservationStrategy;

/**
 * The SQL {@code ORDER BY} of each strategy over the matching available agents ({@code s} their state,
 * {@code a} their profile). Fixed text per strategy: nothing from a request reaches the SQL but bound
 * parameters. Ties end in creation order, so every order is total and a test can name who comes first.
 */
final class CandidateOrder {

    private static final String CREATION = "a.tm_create, a.id";
    private static final String IDLE = "s.tm_last_ended ASC NULLS FIRST, " + CREATION;
    /** Position in the caller's {@code order} list; null when not listed. */
    private static final String POSITION = "array_position(CAST(:order AS uuid[]), s.id)";
    private static final String CURSOR_POSITION = "array_position(CAST(:order AS uuid[]), CAST(:after AS uuid))";

    private CandidateOrder() {
    }

    static String of(ReservationStrategy strategy) {
        return switch (strategy) {
            case RING_ALL, LONGEST_IDLE -> IDLE;
            // The answered calls decayed to now (AgentStateEntity.recentCalls), fewest first.
            case LEAST_CALLS -> "COALESCE(s.recent_calls * power(0.5, extract(epoch FROM (CAST(:now AS timestamptz) "
                    + "- s.tm_recent_calls)) / :halfLife), 0) ASC, " + IDLE;
            case RANDOM -> "random()";
            case LINEAR -> POSITION + " ASC NULLS LAST, " + CREATION;
            // After the cursor first, then from the start again (wrapping); an unknown cursor starts at the top.
            case ROUND_ROBIN -> "COALESCE((a.tm_create, a.id) <= (SELECT c.tm_create, c.id FROM agents c "
                    + "WHERE c.id = CAST(:after AS uuid)), false), " + CREATION;
            case ROUND_ROBIN_ORDERED -> "CASE WHEN " + POSITION + " IS NULL THEN 2 WHEN " + POSITION + " <= "
                    + CURSOR_POSITION + " THEN 1 ELSE 0 END, " + POSITION + ", " + CREATION;
            // Efraimidis-Spirakis: random()^(1/w), highest first, picks each agent with probability w / sum(w).
            case WEIGHTED_RANDOM -> "power(random(), 1.0 / GREATEST(1, COALESCE((SELECT sum(k.level) FROM agent_skills k "
                    + "WHERE k.agent_id = s.id AND k.name = ANY(CAST(:skills AS text[]))), 0))) DESC, " + CREATION;
        };
    }
}
