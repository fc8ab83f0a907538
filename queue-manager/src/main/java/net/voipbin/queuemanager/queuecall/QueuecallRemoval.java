package net.voipbin.queuemanager.queuecall;

import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.contract.queuemanager.QueueManagerEvents;
import net.voipbin.contract.queuemanager.Queuecall;
import net.voipbin.contract.queuemanager.QueuecallStatus;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.event.EventPublisher;

/**
 * The customer takes a waiting caller out of the line ({@code DELETE /v1.0/queuecalls/<id>}): the queuecall is
 * {@code kicked} ({@code queuecall_kicked}, on which flow-manager goes on with the action after {@code queue_join}),
 * agents ringing for the caller are hung up and released, and what the caller heard stops (before the event, so
 * the flow's next prompt is not cut short). A connected or ended
 * queuecall is 409: the line is no longer theirs to leave.
 */
@Component
class QueuecallRemoval {

    private static final Logger log = LoggerFactory.getLogger(QueuecallRemoval.class);

    private final QueuecallRepository queuecalls;
    private final QueuecallLocks locks;
    private final OfferCalls offerCalls;
    private final CallActions calls;
    private final WaitingMedia media;
    private final EventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    QueuecallRemoval(QueuecallRepository queuecalls, QueuecallLocks locks, OfferCalls offerCalls, CallActions calls,
            WaitingMedia media, EventPublisher events, TransactionTemplate tx, Clock clock) {
        this.queuecalls = queuecalls;
        this.locks = locks;
        this.offerCalls = offerCalls;
        this.calls = calls;
        this.media = media;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    Queuecall kick(UUID customerId, UUID id) {
        QueuecallEntity found = queuecalls.findByIdAndCustomerId(id, customerId)
                .orElseThrow(() -> ApiException.notFound("queuecall " + id));
        if (!found.status().isFinal() && found.status() != QueuecallStatus.CONNECTED) {
            media.leave(id, found.callId());
        }
        Effects after = Effects.none();
        Queuecall kicked = tx.execute(s -> {
            locks.lock(id);
            QueuecallEntity q = queuecalls.findById(id).orElseThrow();
            UUID reservation = q.reservationId();
            q.kicked(clock.instant());
            q = queuecalls.save(q);
            events.publish(QueueManagerEvents.QUEUECALL_KICKED, q.toQueuecall());
            if (reservation != null) {
                offerCalls.endRinging(reservation, null).forEach(c -> after.then(calls.hangup(c.callId())));
                after.then(calls.release(customerId, reservation));
            }
            log.info("queuecall {} taken out of queue {} after {} ms", id, q.queueId(), q.toQueuecall().waitedMs());
            return q.toQueuecall();
        });
        after.run();
        return kicked;
    }
}
