package net.voipbin.queuemanager.queuecall;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.contract.queuemanager.Queue;
import net.voipbin.contract.queuemanager.Queuecall;
import net.voipbin.contract.queuemanager.QueuecallStatus;
import net.voipbin.queuemanager.config.QueueManagerProperties;
import net.voipbin.queuemanager.queue.QueueService;

/**
 * The wait and service deadlines. Each is a column (durable) and a timer on the instance that set it (on time);
 * every instance also sweeps due rows every {@code deadline-sweep}, so a restart delays a deadline by at most
 * that, never loses it. Each expiry locks the queuecall and checks it is still due: two instances (or the timer
 * and the sweep) end it once.
 */
@Component
class QueuecallTimeouts implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QueuecallTimeouts.class);

    private final QueuecallRepository queuecalls;
    private final QueuecallLocks locks;
    private final OfferCalls offerCalls;
    private final QueueService queues;
    private final CallActions calls;
    private final ObjectProvider<OfferOutcomes> outcomes;
    private final ObjectProvider<Admission> admission;
    private final WaitingMedia media;
    private final Timers timers;
    private final TransactionTemplate tx;
    private final QueueManagerProperties properties;
    private final Clock clock;
    private volatile boolean running;

    QueuecallTimeouts(QueuecallRepository queuecalls, QueuecallLocks locks, OfferCalls offerCalls, QueueService queues,
            CallActions calls, ObjectProvider<OfferOutcomes> outcomes, ObjectProvider<Admission> admission,
            WaitingMedia media, Timers timers, TransactionTemplate tx, QueueManagerProperties properties, Clock clock) {
        this.queuecalls = queuecalls;
        this.locks = locks;
        this.offerCalls = offerCalls;
        this.queues = queues;
        this.calls = calls;
        this.outcomes = outcomes;
        this.admission = admission;
        this.media = media;
        this.timers = timers;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    void scheduleWait(UUID id, Instant at) {
        timers.at(at, () -> waitExpired(id));
    }

    void scheduleService(Queuecall q) {
        if (q.status() == QueuecallStatus.CONNECTED && q.tmConnect() != null) {
            queues.find(q.queueId()).filter(queue -> queue.serviceTimeoutSeconds() > 0).ifPresent(queue ->
                    timers.at(q.tmConnect().plusSeconds(queue.serviceTimeoutSeconds()), () -> serviceExpired(q.id())));
        }
    }

    /** The wait is over: the caller leaves the line to the queue's overflow; a ringing offer is withdrawn. */
    void waitExpired(UUID id) {
        QueuecallEntity due = queuecalls.findById(id).orElse(null);
        if (due == null || !(due.status() == QueuecallStatus.WAITING || due.status() == QueuecallStatus.OFFERING)
                || due.waitUntil() == null || clock.instant().isBefore(due.waitUntil())) {
            return;
        }
        // What the caller heard stops before queuecall_timeout sends the flow on: its next prompt must not be cut.
        media.leave(id, due.callId());
        tx.execute(s -> {
            Effects after = Effects.none();
            if (!locks.lock(id)) {
                return after;
            }
            QueuecallEntity q = queuecalls.findById(id).orElseThrow();
            boolean live = q.status() == QueuecallStatus.WAITING || q.status() == QueuecallStatus.OFFERING;
            Queue queue = queues.find(q.queueId()).orElse(null);
            if (!live || q.waitUntil() == null || clock.instant().isBefore(q.waitUntil())) {
                return after;
            }
            UUID reservation = q.reservationId();
            if (reservation != null) {
                offerCalls.endRinging(reservation, null).forEach(c -> after.then(calls.hangup(c.callId())));
                after.then(calls.release(q.toQueuecall().customerId(), reservation));
            }
            Queue rules = queue != null ? queue : deletedQueue(q);
            admission.getObject().overflow(q, rules, "wait_timeout", after, 0);
            log.info("queuecall {}: wait timed out, overflow {}", id, rules.overflow().type());
            return after;
        }).run();
    }

    /** The talk reached the queue's service timeout: it ends, both calls hung up. */
    void serviceExpired(UUID id) {
        tx.execute(s -> {
            Effects after = Effects.none();
            if (!locks.lock(id)) {
                return after;
            }
            QueuecallEntity q = queuecalls.findById(id).orElseThrow();
            if (q.status() != QueuecallStatus.CONNECTED || q.serviceUntil() == null
                    || clock.instant().isBefore(q.serviceUntil())) {
                return after;
            }
            return outcomes.getObject().ended(q, "service_timeout", after);
        }).run();
    }

    private void sweep() {
        Instant now = clock.instant();
        locks.dueWaits(now, 100).forEach(this::waitExpired);
        locks.dueServices(now, 100).forEach(this::serviceExpired);
        media.sweep();
    }

    /** A deleted queue's caller times out to its flow's next action. */
    private static Queue deletedQueue(QueuecallEntity q) {
        Queuecall c = q.toQueuecall();
        return new Queue(c.queueId(), c.customerId(), "", "", null, null, null, 0, 0, 0, null, "", null, 0, "", 0,
                Queue.Overflow.CONTINUE, 0, 0, "", 1, c.tmCreate(), c.tmCreate());
    }

    @Override
    public void start() {
        running = true;
        timers.every(properties.deadlineSweep(), () -> {
            if (running) {
                sweep();
            }
        });
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
