package net.voipbin.contract.agentmanager;

import java.time.Instant;

/**
 * An agent's offer counters since it was created: {@code offered} reservations, {@code answered} and
 * {@code missed} offers (a released reservation is neither), misses in a row since the last answer, talk time
 * (answer to end) and the times of the last offer, answer and call end.
 */
public record AgentStats(
        long offered,
        long answered,
        long missed,
        int consecutiveMisses,
        long talkMs,
        Instant tmLastOffered,
        Instant tmLastAnswered,
        Instant tmLastEnded) {
}
