package net.voipbin.queuemanager.queue;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import net.voipbin.contract.agentmanager.AgentSkill;
import net.voipbin.contract.agentmanager.ReservationStrategy;
import net.voipbin.contract.queuemanager.Queue;
import net.voipbin.rpc.json.Json;
import tools.jackson.databind.json.JsonMapper;

/** A queue, the aggregate the customer edits. {@code version}: two concurrent edits fail instead of one winning silently. */
@Table("queues")
class QueueEntity {

    private static final JsonMapper JSON = Json.newMapper();

    @Id
    private final UUID id;
    private final UUID customerId;
    private String name;
    private String detail;
    private ReservationStrategy strategy;
    @MappedCollection(idColumn = "queue_id")
    private Set<QueueSkillRow> skills;
    private UUID[] agentOrder;
    private int ringTimeoutSeconds;
    private int waitTimeoutSeconds;
    private int serviceTimeoutSeconds;
    private String[] waitMedia;
    private String mohClass;
    /** JSON list of {@link Queue.WaitAction}: a value of the queue, never queried into. */
    private String waitActions;
    private int announcementIntervalSeconds;
    private String positionAnnouncement;
    private int maxWaitingCalls;
    private Queue.OverflowType overflowType;
    private UUID overflowQueueId;
    private UUID overflowFlowId;
    private int wrapUpSeconds;
    private int awayAfterMisses;
    private String priorityVariable;
    private int serviceLevelSeconds;
    @Version
    private Long version;
    private final Instant tmCreate;
    private Instant tmUpdate;

    @PersistenceCreator
    QueueEntity(UUID id, UUID customerId, Instant tmCreate) {
        this.id = id;
        this.customerId = customerId;
        this.tmCreate = tmCreate;
    }

    static QueueEntity create(UUID id, UUID customerId, QueueSettings settings, Instant now) {
        QueueEntity queue = new QueueEntity(id, customerId, now);
        queue.change(settings, now);
        return queue;
    }

    void change(QueueSettings s, Instant now) {
        name = s.name();
        detail = s.detail();
        strategy = s.strategy();
        skills = new LinkedHashSet<>(s.skills().stream().map(QueueSkillRow::of).toList());
        agentOrder = s.agentOrder().toArray(UUID[]::new);
        ringTimeoutSeconds = s.ringTimeoutSeconds();
        waitTimeoutSeconds = s.waitTimeoutSeconds();
        serviceTimeoutSeconds = s.serviceTimeoutSeconds();
        waitMedia = s.waitMedia().toArray(String[]::new);
        mohClass = s.mohClass();
        waitActions = JSON.writeValueAsString(s.waitActions());
        announcementIntervalSeconds = s.announcementIntervalSeconds();
        positionAnnouncement = s.positionAnnouncement();
        maxWaitingCalls = s.maxWaitingCalls();
        overflowType = s.overflow().type();
        overflowQueueId = s.overflow().queueId();
        overflowFlowId = s.overflow().flowId();
        wrapUpSeconds = s.wrapUpSeconds();
        awayAfterMisses = s.awayAfterMisses();
        priorityVariable = s.priorityVariable();
        serviceLevelSeconds = s.serviceLevelSeconds();
        tmUpdate = now;
    }

    UUID id() {
        return id;
    }

    Queue toQueue() {
        List<AgentSkill> sorted = skills.stream().map(QueueSkillRow::toSkill)
                .sorted(Comparator.comparing(AgentSkill::name)).toList();
        return new Queue(id, customerId, name, detail, strategy, sorted, List.of(agentOrder), ringTimeoutSeconds,
                waitTimeoutSeconds, serviceTimeoutSeconds, List.of(waitMedia), mohClass,
                List.of(JSON.readValue(waitActions, Queue.WaitAction[].class)), announcementIntervalSeconds,
                positionAnnouncement, maxWaitingCalls, new Queue.Overflow(overflowType, overflowQueueId, overflowFlowId),
                wrapUpSeconds, awayAfterMisses, priorityVariable, serviceLevelSeconds, tmCreate, tmUpdate);
    }
}
