package net.voipbin.queuemanager.queuecall;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.contract.agentmanager.AgentManagerClient;
import net.voipbin.contract.callmanager.Address;
import net.voipbin.contract.agentmanager.OfferRequests;
import net.voipbin.contract.callmanager.Call;
import net.voipbin.contract.queuemanager.Queue;
import net.voipbin.contract.queuemanager.QueueManagerEvents;
import net.voipbin.contract.queuemanager.Queuecall;
import net.voipbin.contract.queuemanager.QueuecallStatus;
import net.voipbin.queuemanager.queue.QueueService;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.event.EventPublisher;

/**
 * How an offer ends, from call-manager's events on the agents' calls and agent-manager's ring timeout. Each
 * handler locks the queuecall, checks it is still in the state the event is about (events are at least once
 * and may come late) and changes it with its event in one transaction; hang-ups, releases, the bridge and the
 * next dispatch run after the commit.
 */
@Component
class OfferOutcomes {

    private static final Logger log = LoggerFactory.getLogger(OfferOutcomes.class);

    private final QueuecallRepository queuecalls;
    private final QueuecallLocks locks;
    private final OfferCalls offerCalls;
    private final QueueService queues;
    private final AgentManagerClient agents;
    private final CallActions calls;
    private final ObjectProvider<Dispatcher> dispatcher;
    private final ObjectProvider<OfferDialer> dialer;
    private final QueuecallTimeouts timeouts;
    private final WaitingMedia media;
    private final EventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    OfferOutcomes(QueuecallRepository queuecalls, QueuecallLocks locks, OfferCalls offerCalls, QueueService queues,
            AgentManagerClient agents, CallActions calls, ObjectProvider<Dispatcher> dispatcher,
            ObjectProvider<OfferDialer> dialer,
            QueuecallTimeouts timeouts, WaitingMedia media, EventPublisher events, TransactionTemplate tx, Clock clock) {
        this.queuecalls = queuecalls;
        this.locks = locks;
        this.offerCalls = offerCalls;
        this.queues = queues;
        this.agents = agents;
        this.calls = calls;
        this.dispatcher = dispatcher;
        this.dialer = dialer;
        this.timeouts = timeouts;
        this.media = media;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** An agent's offer call answered: that agent is connected and bridged, every other offer withdrawn. */
    void answered(UUID callId) {
        Optional<OfferCalls.OfferCall> offer = offerCalls.find(callId);
        if (offer.isEmpty()) {
            return;
        }
        OfferCalls.OfferCall call = offer.get();
        tx.execute(s -> {
            Effects after = Effects.none();
            QueuecallEntity q = locked(call.queuecallId());
            if (q.status() != QueuecallStatus.OFFERING || !call.reservationId().equals(q.reservationId())
                    || call.status() != OfferCalls.Status.RINGING) {
                log.info("queuecall {}: agent {} answered a withdrawn offer, hung up", q.id(), call.agentId());
                return after.then(calls.hangup(callId));
            }
            Queue queue = queues.find(q.queueId()).orElse(null);
            try {
                agents.answered(call.agentId(), new OfferRequests.Answered(customer(q), call.reservationId()));
            } catch (ApiException e) {
                if (e.status() != 409) {
                    throw e;
                }
                // agent-manager already timed the ring out: its event puts the caller back in line
                log.info("queuecall {}: agent {} answered after the ring timeout, hung up", q.id(), call.agentId());
                return after.then(calls.hangup(callId));
            }
            offerCalls.set(callId, OfferCalls.Status.ANSWERED);
            List<OfferCalls.OfferCall> others = offerCalls.endRinging(call.reservationId(), null);
            q.connected(call.agentId(), queue == null ? 0 : queue.serviceTimeoutSeconds(), clock.instant());
            queuecalls.save(q);
            events.publish(QueueManagerEvents.QUEUECALL_CONNECTED, q.toQueuecall());
            log.info("queuecall {} connected to agent {} after {} ms", q.id(), call.agentId(), q.toQueuecall().waitedMs());
            // The caller first: what played stops and the agent is bridged at once (the caller hears the agent
            // alone, without waiting for the other agents' phones); then the others stop ringing and are released.
            after.then(media.stop(q.id(), q.callId())).then(calls.bridge(q.callId(), callId));
            others.forEach(o -> after.then(calls.hangup(o.callId())));
            after.then(calls.release(customer(q), call.reservationId()));
            timeouts.scheduleService(q.toQueuecall());
            return after;
        }).run();
    }

    /** An agent's offer call ended: the talk is over, or the agent missed the offer. */
    void agentCallEnded(UUID callId, Call.HangupReason reason) {
        Optional<OfferCalls.OfferCall> offer = offerCalls.find(callId);
        if (offer.isEmpty() || offer.get().status() == OfferCalls.Status.ENDED) {
            return;
        }
        OfferCalls.OfferCall call = offer.get();
        tx.execute(s -> {
            Effects after = Effects.none();
            QueuecallEntity q = locked(call.queuecallId());
            offerCalls.set(callId, OfferCalls.Status.ENDED);
            if (call.status() == OfferCalls.Status.ANSWERED && q.status() == QueuecallStatus.CONNECTED) {
                return ended(q, "agent_hangup", after);
            }
            if (q.status() == QueuecallStatus.OFFERING && call.reservationId().equals(q.reservationId())
                    && offerCalls.ringing(call.reservationId()).stream().noneMatch(c -> c.agentId().equals(call.agentId()))) {
                Optional<Address> next = call.status() != OfferCalls.Status.RINGING ? Optional.empty()
                        : dialer.getObject().nextAddress(customer(q), call.agentId(), call.addressIndex());
                if (next.isPresent()) {
                    int ring = queues.find(q.queueId()).map(Queue::ringTimeoutSeconds).orElse(20);
                    Queuecall caller = q.toQueuecall();
                    log.info("queuecall {}: agent {} rang out at address {}, rung at the next", q.id(), call.agentId(),
                            call.addressIndex());
                    return after.then(() -> dialer.getObject().dialNext(caller, call.reservationId(), call.agentId(),
                            next.get(), call.addressIndex() + 1, ring));
                }
                report(() -> agents.missed(call.agentId(), new OfferRequests.Missed(customer(q), call.reservationId(),
                        missReason(reason), awayAfterMisses(q))));
                return backInLine(q, call.agentId(), after);
            }
            return after;
        }).run();
    }

    /** call-manager refused to ring the agent: a miss, as if the call had failed. */
    void notRung(UUID queuecallId, UUID reservationId, UUID agentId) {
        tx.execute(s -> {
            Effects after = Effects.none();
            QueuecallEntity q = locked(queuecallId);
            if (q.status() == QueuecallStatus.OFFERING && reservationId.equals(q.reservationId())) {
                report(() -> agents.missed(agentId, new OfferRequests.Missed(customer(q), reservationId,
                        OfferRequests.MissReason.FAILED, awayAfterMisses(q))));
                return backInLine(q, agentId, after);
            }
            return after;
        }).run();
    }

    /** agent-manager's ring deadline passed before any call event did: the agent missed (already counted there). */
    void ringTimedOut(UUID queuecallId, UUID reservationId, UUID agentId) {
        tx.execute(s -> {
            Effects after = Effects.none();
            if (!locks.lock(queuecallId)) {
                return after;
            }
            QueuecallEntity q = queuecalls.findById(queuecallId).orElseThrow();
            if (q.status() == QueuecallStatus.OFFERING && reservationId.equals(q.reservationId())) {
                offerCalls.endRinging(reservationId, agentId).forEach(c -> after.then(calls.hangup(c.callId())));
                return backInLine(q, agentId, after);
            }
            return after;
        }).run();
    }

    /** The caller's call ended: abandoned while waiting or ringing, done when connected. */
    void callerHungUp(UUID callId) {
        tx.execute(s -> {
            Effects after = Effects.none();
            Optional<UUID> id = locks.lockLiveByCall(callId);
            if (id.isEmpty()) {
                return after;
            }
            QueuecallEntity q = queuecalls.findById(id.get()).orElseThrow();
            if (q.status() == QueuecallStatus.CONNECTED) {
                return ended(q, "caller_hangup", after);
            }
            UUID reservation = q.reservationId();
            media.forget(q.id());
            q.abandoned(clock.instant());
            queuecalls.save(q);
            events.publish(QueueManagerEvents.QUEUECALL_ABANDONED, q.toQueuecall());
            log.info("queuecall {} abandoned after {} ms", q.id(), q.toQueuecall().waitedMs());
            if (reservation != null) {
                offerCalls.endRinging(reservation, null).forEach(c -> after.then(calls.hangup(c.callId())));
                after.then(calls.release(customer(q), reservation));
            }
            return after;
        }).run();
    }

    /** The talk ends ({@code reason}): the agent goes to wrap-up, the agent's call is hung up unless it ended it. */
    Effects ended(QueuecallEntity q, String reason, Effects after) {
        UUID reservation = q.reservationId();
        Queue queue = queues.find(q.queueId()).orElse(null);
        q.done(reason, clock.instant());
        queuecalls.save(q);
        // The agent's call is hung up before the agent is reported free: an agent without wrap-up is offered the
        // next caller at once, and must not be rung while the last call is still up.
        if (!reason.equals("agent_hangup")) {
            offerCalls.answered(reservation).ifPresent(c -> quietly(calls.hangup(c.callId())));
        }
        report(() -> agents.ended(q.agentId(), new OfferRequests.Ended(customer(q), reservation,
                queue == null ? 0 : queue.wrapUpSeconds())));
        events.publish(QueueManagerEvents.QUEUECALL_DONE, q.toQueuecall());
        log.info("queuecall {} done ({}), talked {} ms", q.id(), reason, q.toQueuecall().talkedMs());
        // After the agent hangs up the caller stays: their flow goes on after queue_join.
        if (reason.equals("service_timeout")) {
            after.then(calls.hangup(q.callId()));
        }
        return after;
    }

    /** The offer is over without an answer: the caller is back at their place in line and offered again at once. */
    private Effects backInLine(QueuecallEntity q, UUID agentId, Effects after) {
        if (!offerCalls.ringing(q.reservationId()).isEmpty()) {
            return after; // ring_all: others still ringing for this caller
        }
        q.missed(agentId, clock.instant());
        queuecalls.save(q);
        events.publish(QueueManagerEvents.QUEUECALL_WAITING, q.toQueuecall());
        log.info("queuecall {}: agent {} missed the offer, back in line", q.id(), agentId);
        UUID queueId = q.queueId();
        return after.then(() -> dispatcher.getObject().trigger(queueId));
    }

    private QueuecallEntity locked(UUID id) {
        locks.lock(id);
        return queuecalls.findById(id).orElseThrow(() -> ApiException.notFound("queuecall " + id));
    }

    private int awayAfterMisses(QueuecallEntity q) {
        return queues.find(q.queueId()).map(Queue::awayAfterMisses).orElse(3);
    }

    private static java.util.UUID customer(QueuecallEntity q) {
        return q.toQueuecall().customerId();
    }

    /** A report agent-manager answers 409 (reservation_mismatch: a late report) changes nothing: not an error here. */
    private static void report(Runnable call) {
        try {
            call.run();
        } catch (ApiException e) {
            if (e.status() != 409) {
                throw e;
            }
            log.info("agent-manager ignored a late report: {}", e.getMessage());
        }
    }

    private static void quietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.info("hangup of an agent's call failed: {}", e.toString());
        }
    }

    private static OfferRequests.MissReason missReason(Call.HangupReason reason) {
        if (reason == null) {
            return OfferRequests.MissReason.NO_ANSWER;
        }
        return switch (reason) {
            case BUSY -> OfferRequests.MissReason.BUSY;
            case CANCEL, NORMAL -> OfferRequests.MissReason.DECLINED;
            case FAILED, DIALOUT -> OfferRequests.MissReason.FAILED;
            default -> OfferRequests.MissReason.NO_ANSWER;
        };
    }
}
