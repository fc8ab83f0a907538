package net.voipbin.queuemanager.queuecall;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import net.voipbin.contract.queuemanager.Queue;
import net.voipbin.contract.queuemanager.QueueManagerEvents;
import net.voipbin.queuemanager.queue.QueueService;
import net.voipbin.rpc.event.EventPublisher;

/**
 * A caller entering a queue (from {@code queue_join}, or moved by another queue's overflow): waiting with the
 * queue's wait deadline, or, when the queue is full, timed out at once to the queue's overflow. Runs in the
 * caller's transaction; the waiting media and the dispatch start after its commit.
 */
@Component
class Admission {

    private static final Logger log = LoggerFactory.getLogger(Admission.class);
    /** Overflow chains (queue full → its overflow queue full → ...) stop here, continuing the caller's flow. */
    private static final int MAX_OVERFLOW_HOPS = 5;

    private final QueuecallRepository queuecalls;
    private final QueuecallLocks locks;
    private final QueueService queues;
    private final EventPublisher events;
    private final ObjectProvider<Dispatcher> dispatcher;
    private final WaitingMedia media;
    private final QueuecallTimeouts timeouts;
    private final Clock clock;

    Admission(QueuecallRepository queuecalls, QueuecallLocks locks, QueueService queues, EventPublisher events,
            ObjectProvider<Dispatcher> dispatcher, WaitingMedia media, QueuecallTimeouts timeouts, Clock clock) {
        this.queuecalls = queuecalls;
        this.locks = locks;
        this.queues = queues;
        this.events = events;
        this.dispatcher = dispatcher;
        this.media = media;
        this.timeouts = timeouts;
        this.clock = clock;
    }

    /** The queuecall created for the caller, in {@code queue}. */
    QueuecallEntity admit(Queue queue, UUID callId, UUID activeflowId, Map<String, String> variables, Effects after) {
        return admit(queue, callId, activeflowId, priority(queue, variables), after, 0);
    }

    QueuecallEntity admit(Queue queue, UUID callId, UUID activeflowId, int priority, Effects after, int hops) {
        Instant now = clock.instant();
        QueuecallEntity q = QueuecallEntity.arrived(UUID.randomUUID(), queue.customerId(), queue.id(), callId,
                activeflowId, priority, now);
        boolean full = queue.maxWaitingCalls() > 0 && locks.waiting(queue.id()) >= queue.maxWaitingCalls();
        q = queuecalls.save(q);
        events.publish(QueueManagerEvents.QUEUECALL_CREATED, q.toQueuecall());
        if (full) {
            log.info("queuecall {}: queue {} is full ({} waiting), overflow {}", q.id(), queue.id(),
                    queue.maxWaitingCalls(), queue.overflow().type());
            return overflow(q, queue, "queue_full", after, hops);
        }
        q.waitUntil(now.plusSeconds(queue.waitTimeoutSeconds()), now);
        q = queuecalls.save(q);
        events.publish(QueueManagerEvents.QUEUECALL_WAITING, q.toQueuecall());
        log.info("queuecall {}: call {} waits in queue {} (priority {})", q.id(), callId, queue.id(), priority);
        UUID id = q.id();
        UUID queueId = queue.id();
        timeouts.scheduleWait(id, q.toQueuecall().tmCreate().plusSeconds(queue.waitTimeoutSeconds()));
        after.then(() -> media.start(id)).then(() -> dispatcher.getObject().trigger(queueId));
        return q;
    }

    /**
     * Ends the wait with {@code reason} and sends the caller where the queue's overflow says; to another queue
     * the caller moves in the same transaction (a new queuecall, named on this one).
     */
    QueuecallEntity overflow(QueuecallEntity q, Queue queue, String reason, Effects after, int hops) {
        Queue.Overflow overflow = queue.overflow();
        Queue target = overflow.type() == Queue.OverflowType.QUEUE && hops < MAX_OVERFLOW_HOPS
                ? queues.find(overflow.queueId()).orElse(null) : null;
        if (overflow.type() == Queue.OverflowType.QUEUE && target == null) {
            overflow = Queue.Overflow.CONTINUE;
        }
        q.timedOut(reason, overflow, clock.instant());
        if (target != null) {
            QueuecallEntity next = admit(target, q.callId(), q.toQueuecall().activeflowId(), q.toQueuecall().priority(),
                    after, hops + 1);
            q.overflowedTo(next.id());
        }
        q = queuecalls.save(q);
        events.publish(QueueManagerEvents.QUEUECALL_TIMEOUT, q.toQueuecall());
        return q;
    }

    /** The caller's priority from the flow variable the queue names; 0 when absent or not a number. */
    static int priority(Queue queue, Map<String, String> variables) {
        String value = variables.get(queue.priorityVariable());
        if (value == null) {
            return 0;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
