package net.voipbin.queuemanager.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.contract.agentmanager.AgentManagerClient;
import net.voipbin.contract.agentmanager.AgentSkill;
import net.voipbin.contract.queuemanager.Queue;
import net.voipbin.contract.queuemanager.QueueManagerEvents;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.event.EventPublisher;
import net.voipbin.rpc.rest.Page;
import net.voipbin.rpc.rest.PageCursor;
import net.voipbin.rpc.rest.PageQuery;

/** A customer's queues: create, read, list, change, delete. */
@Service
public class QueueService {

    private static final Logger log = LoggerFactory.getLogger(QueueService.class);
    private static final Instant NEWEST = Instant.parse("9999-12-31T00:00:00Z");

    private final QueueRepository queues;
    private final AgentManagerClient agents;
    private final EventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    QueueService(QueueRepository queues, AgentManagerClient agents, EventPublisher events, TransactionTemplate tx,
            Clock clock) {
        this.queues = queues;
        this.agents = agents;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    Queue create(UUID customerId, QueueRequests.Body body) {
        UUID id = UUID.randomUUID();
        QueueSettings settings = checked(customerId, QueueValidation.merge(QueueValidation.DEFAULTS, body, id));
        Queue queue = tx.execute(s -> announced(QueueManagerEvents.QUEUE_CREATED,
                queues.save(QueueEntity.create(id, customerId, settings, clock.instant())).toQueue()));
        log.info("queue {} created for customer {} ({})", id, customerId, settings.strategy());
        return queue;
    }

    /** The customer's queue; another customer's is not found. */
    public Queue get(UUID customerId, UUID id) {
        return read(() -> entity(customerId, id).toQueue());
    }

    /** Any customer's queue (dispatch, which already knows whose it is); empty once deleted. */
    public Optional<Queue> find(UUID id) {
        return read(() -> queues.findById(id).map(QueueEntity::toQueue));
    }

    /**
     * Reads run in a transaction of ours: loading a queue's skills is a second query issued while the first one's
     * rows are read, and outside a transaction that binds the connection it takes a second connection from the
     * pool; with every connection held that way by concurrent readers the pool deadlocked (found by the queue
     * benchmark: 100 joins at once, pool of 8, every reader waiting for its second connection).
     */
    private <T> T read(java.util.function.Supplier<T> work) {
        return tx.execute(s -> work.get());
    }

    Page<Queue> list(UUID customerId, PageQuery page) {
        Instant after = page.cursor().map(PageCursor::tmCreate).orElse(NEWEST);
        UUID afterId = page.cursor().map(PageCursor::id).orElse(new UUID(-1L, -1L));
        List<Queue> rows = read(() -> queues.page(customerId, after, afterId, page.pageSize() + 1).stream()
                .map(QueueEntity::toQueue).toList());
        return Page.of(rows, page.pageSize(), q -> new PageCursor(q.tmCreate(), q.id()));
    }

    Queue update(UUID customerId, UUID id, QueueRequests.Body body) {
        try {
            return tx.execute(s -> {
                QueueEntity entity = entity(customerId, id);
                Queue old = entity.toQueue();
                QueueSettings base = new QueueSettings(old.name(), old.detail(), old.strategy(), old.skills(),
                        old.agentOrder(), old.ringTimeoutSeconds(), old.waitTimeoutSeconds(),
                        old.serviceTimeoutSeconds(), old.waitMedia(), old.mohClass(), old.waitActions(),
                        old.announcementIntervalSeconds(),
                        old.positionAnnouncement(), old.maxWaitingCalls(), old.overflow(), old.wrapUpSeconds(),
                        old.awayAfterMisses(), old.priorityVariable(), old.serviceLevelSeconds());
                entity.change(checked(customerId, QueueValidation.merge(base, body, id)), clock.instant());
                Queue queue = announced(QueueManagerEvents.QUEUE_UPDATED, queues.save(entity).toQueue());
                log.info("queue {} of customer {} updated", id, customerId);
                return queue;
            });
        } catch (OptimisticLockingFailureException e) {
            throw ApiException.conflict("queue_changed", "queue " + id + " was changed at the same time; read it and try again");
        }
    }

    /** Callers still waiting stay until their wait ends (their queuecalls outlive the queue). */
    void delete(UUID customerId, UUID id) {
        tx.executeWithoutResult(s -> {
            Queue queue = get(customerId, id);
            queues.deleteById(id);
            announced(QueueManagerEvents.QUEUE_DELETED, queue);
        });
        log.info("queue {} of customer {} deleted", id, customerId);
    }

    /**
     * What validation alone cannot see: an overflow queue must be the customer's, and a required skill one that
     * at least one of the customer's agents has (a typo would otherwise leave every caller waiting for nobody).
     */
    private QueueSettings checked(UUID customerId, QueueSettings settings) {
        if (settings.overflow().type() == Queue.OverflowType.QUEUE
                && queues.findByIdAndCustomerId(settings.overflow().queueId(), customerId).isEmpty()) {
            throw ApiException.invalidField("overflow.queue_id", "no such queue: " + settings.overflow().queueId());
        }
        List<AgentSkill> skills = settings.skills();
        for (int i = 0; i < skills.size(); i++) {
            if (agents.list(customerId, null, skills.get(i).name(), 1, null).result().isEmpty()) {
                throw ApiException.invalidField("skills[" + i + "].name",
                        "unknown skill " + skills.get(i).name() + ": none of the customer's agents has it");
            }
        }
        return settings;
    }

    private QueueEntity entity(UUID customerId, UUID id) {
        return queues.findByIdAndCustomerId(id, customerId).orElseThrow(() -> ApiException.notFound("queue " + id));
    }

    private Queue announced(String type, Queue queue) {
        events.publish(type, queue);
        return queue;
    }
}
