package net.voipbin.queuemanager.stats;

import java.util.UUID;

import net.voipbin.contract.agentmanager.AgentStatus;

/**
 * One agent's figures, from agent-manager's counters: offers, answers, misses, talk time and occupancy (talk
 * time over staffed time, the still running staffed period included), in percent.
 */
record AgentStatistics(UUID agentId, String name, AgentStatus status, long offered, long answered, long missed,
        long talkMs, long staffedMs, double occupancyPercent) {
}
