package net.voipbin.queuemanager.queue;

import java.util.List;
import java.util.UUID;

import net.voipbin.contract.agentmanager.AgentSkill;

/**
 * REST bodies. Strategy is a string so an unknown one is a 400 naming {@code strategy} (not an unreadable body);
 * absent fields take defaults on create and stay unchanged on update (lists replace).
 */
final class QueueRequests {

    private QueueRequests() {
    }

    record Body(String name, String detail, String strategy, List<AgentSkill> skills, List<UUID> agentOrder,
            Integer ringTimeoutSeconds, Integer waitTimeoutSeconds, Integer serviceTimeoutSeconds,
            List<String> waitMedia, String mohClass, List<WaitActionBody> waitActions, Integer announcementIntervalSeconds, String positionAnnouncement,
            Integer maxWaitingCalls, OverflowBody overflow, Integer wrapUpSeconds, Integer awayAfterMisses,
            String priorityVariable, Integer serviceLevelSeconds) {
    }

    /** {@code type}: talk (text, language), play (media), sleep (duration_ms). */
    record WaitActionBody(String type, String text, String language, List<String> media, Integer durationMs) {
    }

    record OverflowBody(String type, UUID queueId, UUID flowId) {
    }
}
