package net.voipbin.queuemanager.queue;

import java.util.List;
import java.util.UUID;

import net.voipbin.contract.agentmanager.AgentSkill;
import net.voipbin.contract.agentmanager.ReservationStrategy;
import net.voipbin.contract.queuemanager.Queue;

/** A queue's editable settings, validated ({@link QueueValidation}). */
record QueueSettings(String name, String detail, ReservationStrategy strategy, List<AgentSkill> skills,
        List<UUID> agentOrder, int ringTimeoutSeconds, int waitTimeoutSeconds, int serviceTimeoutSeconds,
        List<String> waitMedia, String mohClass, List<Queue.WaitAction> waitActions, int announcementIntervalSeconds, String positionAnnouncement, int maxWaitingCalls,
        Queue.Overflow overflow, int wrapUpSeconds, int awayAfterMisses, String priorityVariable,
        int serviceLevelSeconds) {
}
