package net.voipbin.contract.queuemanager;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import net.voipbin.contract.agentmanager.AgentSkill;
import net.voipbin.contract.agentmanager.ReservationStrategy;

/**
 * A call queue: how its waiting callers are offered to agent-manager's agents ({@code strategy}, the
 * {@code skills} every agent must have at least at the level, {@code agent_order} for {@code linear} and
 * {@code round_robin_ordered}), what a waiting caller hears (music on hold of Asterisk's class {@code moh_class},
 * blank for silence; the {@code wait_actions} talk / play / sleep in a loop, or the older {@code wait_media}; a
 * position announcement every {@code announcement_interval_seconds}), how long a caller waits ({@code wait_timeout_seconds})
 * and talks ({@code service_timeout_seconds}, 0 = no limit), how many may wait ({@code max_waiting_calls}, 0 = no
 * limit), what happens to a caller turned away or timed out ({@code overflow}), the agent's wrap-up, and which
 * flow variable holds a caller's priority ({@code priority_variable}; higher first, FIFO within a priority).
 */
public record Queue(
        UUID id,
        UUID customerId,
        String name,
        String detail,
        ReservationStrategy strategy,
        List<AgentSkill> skills,
        List<UUID> agentOrder,
        int ringTimeoutSeconds,
        int waitTimeoutSeconds,
        int serviceTimeoutSeconds,
        List<String> waitMedia,
        String mohClass,
        List<WaitAction> waitActions,
        int announcementIntervalSeconds,
        String positionAnnouncement,
        int maxWaitingCalls,
        Overflow overflow,
        int wrapUpSeconds,
        int awayAfterMisses,
        String priorityVariable,
        int serviceLevelSeconds,
        Instant tmCreate,
        Instant tmUpdate) {

    public Queue {
        skills = skills == null ? List.of() : List.copyOf(skills);
        agentOrder = agentOrder == null ? List.of() : List.copyOf(agentOrder);
        waitMedia = waitMedia == null ? List.of() : List.copyOf(waitMedia);
        mohClass = mohClass == null ? "" : mohClass;
        waitActions = waitActions == null ? List.of() : List.copyOf(waitActions);
    }

    /**
     * One step of what a waiting caller hears, played in order and looped until an agent answers: {@code talk}
     * ({@code text}, {@code language}), {@code play} ({@code media}), {@code sleep} ({@code duration_ms} of music on
     * hold).
     */
    public record WaitAction(WaitActionType type, String text, String language, List<String> media, Integer durationMs) {

        public WaitAction {
            media = media == null ? List.of() : List.copyOf(media);
        }
    }

    public enum WaitActionType { TALK, PLAY, SLEEP }

    /**
     * What a caller the queue turns away (full) or whose wait timed out does next: {@code continue} the caller's
     * flow with its next action, run the flow {@code flow_id} instead, or wait in the queue {@code queue_id}.
     */
    public record Overflow(OverflowType type, UUID queueId, UUID flowId) {

        public static final Overflow CONTINUE = new Overflow(OverflowType.CONTINUE, null, null);
    }

    public enum OverflowType { CONTINUE, FLOW, QUEUE }
}
