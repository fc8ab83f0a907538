package net.voipbin.contract.agentmanager;

import java.time.Instant;

/**
 * An agent's offer counters since it was created: {@code offered} reservations, {@code answered} and
 * {@code missed} offers (a released reservation is neither), misses in a row since the last answer, talk time
 * (answer to end), staffed time (available, ringing, busy or wrap_up) up to the agent's {@code tm_status} (add
 * now − {@code tm_status} while it is still staffed; occupancy = talk / staffed) and the times of the last
 * offer, answer and call end.
 */
public record AgentStats(
        long offered,
        long answered,
        long missed,
        int consecutiveMisses,
        long talkMs,
        long staffedMs,
        Instant tmLastOffered,
        Instant tmLastAnswered,
        Instant tmLastEnded) {
}
