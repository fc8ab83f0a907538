package net.voipbin.queuemanager.queue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import net.voipbin.contract.agentmanager.AgentSkill;
import net.voipbin.contract.agentmanager.ReservationStrategy;
import net.voipbin.contract.queuemanager.Queue;
import net.voipbin.rpc.error.ApiException;

/** Turns a request body over a base (defaults, or the queue as it is) into valid settings; a 400 names the field. */
final class QueueValidation {

    static final QueueSettings DEFAULTS = new QueueSettings(null, "", ReservationStrategy.ROUND_ROBIN, List.of(),
            List.of(), 20, 300, 0, List.of(), "default", List.of(), 30, "You are caller number {position}.", 0, Queue.Overflow.CONTINUE, 0, 3,
            "voipbin.queue.priority", 20);

    private static final Pattern SKILL = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    /** An Asterisk music-on-hold class name (musiconhold.conf section); blank = silence. */
    private static final Pattern MOH_CLASS = Pattern.compile("[A-Za-z0-9_.-]{0,80}");
    private static final int MAX_WAIT_ACTIONS = 20;
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    private QueueValidation() {
    }

    static QueueSettings merge(QueueSettings base, QueueRequests.Body b, UUID selfId) {
        String name = b.name() == null ? base.name() : b.name().strip();
        if (name == null || name.isEmpty() || name.length() > 255) {
            throw ApiException.invalidField("name", "required, up to 255 characters");
        }
        String detail = b.detail() == null ? base.detail() : b.detail();
        ReservationStrategy strategy = b.strategy() == null ? base.strategy() : strategy(b.strategy());
        List<AgentSkill> skills = b.skills() == null ? base.skills() : skills(b.skills());
        List<UUID> order = b.agentOrder() == null ? base.agentOrder() : b.agentOrder();
        if (order.size() > 1000 || new HashSet<>(order).size() != order.size()
                || order.stream().anyMatch(java.util.Objects::isNull)) {
            throw ApiException.invalidField("agent_order", "up to 1000 distinct agent ids");
        }
        if (strategy == ReservationStrategy.ROUND_ROBIN_ORDERED && order.isEmpty()) {
            throw ApiException.invalidField("agent_order", "required for round_robin_ordered");
        }
        List<String> media = b.waitMedia() == null ? base.waitMedia() : b.waitMedia();
        if (media.size() > 20 || media.stream().anyMatch(m -> m == null || m.isBlank())) {
            throw ApiException.invalidField("wait_media", "up to 20 media URLs or sound: prompts, none blank");
        }
        String mohClass = b.mohClass() == null ? base.mohClass() : b.mohClass().strip();
        if (!MOH_CLASS.matcher(mohClass).matches()) {
            throw ApiException.invalidField("moh_class", "an Asterisk music-on-hold class: up to 80 letters, digits, "
                    + "'_', '.' or '-'; empty for silence");
        }
        List<Queue.WaitAction> waitActions = b.waitActions() == null ? base.waitActions() : waitActions(b.waitActions());
        String announcement = b.positionAnnouncement() == null ? base.positionAnnouncement() : b.positionAnnouncement();
        if (announcement.length() > 500) {
            throw ApiException.invalidField("position_announcement", "up to 500 characters");
        }
        String variable = b.priorityVariable() == null ? base.priorityVariable() : b.priorityVariable();
        if (!VARIABLE.matcher(variable).matches()) {
            throw ApiException.invalidField("priority_variable", "1 to 128 letters, digits, '_', '.' or '-'");
        }
        Queue.Overflow overflow = b.overflow() == null ? base.overflow() : overflow(b.overflow(), selfId);
        return new QueueSettings(name, detail, strategy, skills, List.copyOf(order),
                range("ring_timeout_seconds", b.ringTimeoutSeconds(), base.ringTimeoutSeconds(), 1, 3600),
                range("wait_timeout_seconds", b.waitTimeoutSeconds(), base.waitTimeoutSeconds(), 1, 86_400),
                range("service_timeout_seconds", b.serviceTimeoutSeconds(), base.serviceTimeoutSeconds(), 0, 86_400),
                List.copyOf(media), mohClass, waitActions,
                range("announcement_interval_seconds", b.announcementIntervalSeconds(),
                        base.announcementIntervalSeconds(), 0, 3600),
                announcement,
                range("max_waiting_calls", b.maxWaitingCalls(), base.maxWaitingCalls(), 0, 100_000), overflow,
                range("wrap_up_seconds", b.wrapUpSeconds(), base.wrapUpSeconds(), 0, 3600),
                range("away_after_misses", b.awayAfterMisses(), base.awayAfterMisses(), 0, 100), variable,
                range("service_level_seconds", b.serviceLevelSeconds(), base.serviceLevelSeconds(), 1, 3600));
    }

    static ReservationStrategy strategy(String value) {
        try {
            return ReservationStrategy.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("strategy", "must be one of " + Arrays.stream(ReservationStrategy.values())
                    .map(s -> s.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        }
    }

    private static List<AgentSkill> skills(List<AgentSkill> skills) {
        if (skills.size() > 50) {
            throw ApiException.invalidField("skills", "at most 50");
        }
        List<AgentSkill> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < skills.size(); i++) {
            AgentSkill s = skills.get(i);
            if (s == null || s.name() == null || !SKILL.matcher(s.name()).matches()) {
                throw ApiException.invalidField("skills[" + i + "].name", "1 to 64 letters, digits, '_', '.' or '-'");
            }
            if (s.level() < 1 || s.level() > 100) {
                throw ApiException.invalidField("skills[" + i + "].level", "must be between 1 and 100");
            }
            if (!seen.add(s.name().toLowerCase(Locale.ROOT))) {
                throw ApiException.invalidField("skills[" + i + "].name", "duplicate skill " + s.name());
            }
            result.add(new AgentSkill(s.name().toLowerCase(Locale.ROOT), s.level()));
        }
        return result;
    }

    private static List<Queue.WaitAction> waitActions(List<QueueRequests.WaitActionBody> actions) {
        if (actions.size() > MAX_WAIT_ACTIONS) {
            throw ApiException.invalidField("wait_actions", "at most " + MAX_WAIT_ACTIONS);
        }
        List<Queue.WaitAction> result = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            result.add(waitAction("wait_actions[" + i + "]", actions.get(i)));
        }
        return List.copyOf(result);
    }

    private static Queue.WaitAction waitAction(String field, QueueRequests.WaitActionBody a) {
        Queue.WaitActionType type;
        try {
            type = Queue.WaitActionType.valueOf(String.valueOf(a == null ? null : a.type()).strip()
                    .toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(field + ".type", "must be one of talk, play, sleep");
        }
        return switch (type) {
            case TALK -> {
                if (a.text() == null || a.text().isBlank() || a.text().length() > 1000) {
                    throw ApiException.invalidField(field + ".text", "required for talk, up to 1000 characters");
                }
                yield new Queue.WaitAction(type, a.text(), a.language(), null, null);
            }
            case PLAY -> {
                if (a.media() == null || a.media().isEmpty() || a.media().size() > 20
                        || a.media().stream().anyMatch(m -> m == null || m.isBlank())) {
                    throw ApiException.invalidField(field + ".media", "1 to 20 media URLs or sound: prompts, none blank");
                }
                yield new Queue.WaitAction(type, null, null, a.media(), null);
            }
            case SLEEP -> new Queue.WaitAction(type, null, null, null,
                    range(field + ".duration_ms", a.durationMs(), 0, 100, 3_600_000));
        };
    }

    private static Queue.Overflow overflow(QueueRequests.OverflowBody o, UUID selfId) {
        Queue.OverflowType type;
        try {
            type = Queue.OverflowType.valueOf(String.valueOf(o.type()).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("overflow.type", "must be one of continue, flow, queue");
        }
        return switch (type) {
            case CONTINUE -> Queue.Overflow.CONTINUE;
            case FLOW -> {
                if (o.flowId() == null) {
                    throw ApiException.invalidField("overflow.flow_id", "required for overflow type flow");
                }
                yield new Queue.Overflow(type, null, o.flowId());
            }
            case QUEUE -> {
                if (o.queueId() == null || o.queueId().equals(selfId)) {
                    throw ApiException.invalidField("overflow.queue_id", "required for overflow type queue, not this queue");
                }
                yield new Queue.Overflow(type, o.queueId(), null);
            }
        };
    }

    private static int range(String field, Integer value, int base, int min, int max) {
        int v = value == null ? base : value;
        if (v < min || v > max) {
            throw ApiException.invalidField(field, "must be between " + min + " and " + max);
        }
        return v;
    }
}
