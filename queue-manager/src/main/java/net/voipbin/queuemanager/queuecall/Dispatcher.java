package net.voipbin.queuemanager.queuecall;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.contract.agentmanager.Agent;
import net.voipbin.contract.agentmanager.AgentManagerClient;
import net.voipbin.contract.agentmanager.AgentReserve;
import net.voipbin.contract.agentmanager.Reservation;
import net.voipbin.contract.queuemanager.Queue;
import net.voipbin.contract.queuemanager.QueueManagerEvents;
import net.voipbin.queuemanager.queue.QueueService;
import net.voipbin.rpc.event.EventPublisher;

/**
 * Offers waiting callers to agents, run at once on each trigger: a caller arriving, an agent becoming available
 * (which includes a wrap-up ending), an offer ending. No loop polls: a queue is dispatched until its head cannot
 * be served (nobody waiting, or no matching agent free), and the next trigger starts it again.
 *
 * <p>One offer is one transaction: the head caller is claimed with {@code FOR UPDATE SKIP LOCKED}, agent-manager
 * reserves agents (ringing) in its own transaction, and the caller becomes {@code offering}. Two dispatchers (two
 * threads, two instances) never claim one caller, and agent-manager never hands out one agent twice.
 */
@Component
class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    /** Bound on offers made in one run, so one queue cannot hold a thread forever. */
    private static final int MAX_OFFERS_PER_RUN = 200;
    /** Matching agents held by another reservation at the instant: try again at once, a few times. */
    private static final int LOCKED_RETRIES = 5;
    /**
     * agent-manager's ring deadline is a safety net (a lost call event): it falls this long after call-manager's
     * dial timeout, so an unanswered offer ends by the call's own hangup, with its reason and the queue's
     * away-after-misses, not by the deadline.
     */
    static final int RING_DEADLINE_MARGIN_SECONDS = 5;

    private final QueuecallRepository queuecalls;
    private final QueuecallLocks locks;
    private final QueueService queues;
    private final AgentManagerClient agents;
    private final OfferDialer dialer;
    private final EventPublisher events;
    private final TransactionTemplate tx;
    private final Timers timers;
    private final Clock clock;

    Dispatcher(QueuecallRepository queuecalls, QueuecallLocks locks, QueueService queues, AgentManagerClient agents,
            OfferDialer dialer, EventPublisher events, TransactionTemplate tx, Timers timers, Clock clock) {
        this.queuecalls = queuecalls;
        this.locks = locks;
        this.queues = queues;
        this.agents = agents;
        this.dialer = dialer;
        this.events = events;
        this.tx = tx;
        this.timers = timers;
        this.clock = clock;
    }

    /** Dispatches the queue off the caller's thread (an RPC or an event handler). */
    void trigger(UUID queueId) {
        timers.now(() -> run(queueId));
    }

    /** An agent of the customer became available: every queue of the customer with callers waiting, oldest first. */
    void triggerCustomer(UUID customerId) {
        timers.now(() -> locks.queuesWithWaiting(customerId).forEach(this::run));
    }

    void run(UUID queueId) {
        for (int i = 0; i < MAX_OFFERS_PER_RUN; i++) {
            Optional<Offer> offer = offerNext(queueId);
            if (offer.isEmpty()) {
                return;
            }
            dialer.dial(offer.get());
        }
        trigger(queueId);
    }

    /** Offers the head of the line, if someone waits and an agent is free; the offer to dial. */
    Optional<Offer> offerNext(UUID queueId) {
        AtomicReference<Reservation> reserved = new AtomicReference<>();
        try {
            return Optional.ofNullable(tx.execute(s -> {
                Optional<UUID> head = locks.claimHead(queueId);
                Optional<Queue> queue = queues.find(queueId);
                if (head.isEmpty() || queue.isEmpty()) {
                    return null;
                }
                QueuecallEntity caller = queuecalls.findById(head.get()).orElseThrow();
                Reservation reservation = reserve(queue.get(), caller);
                if (reservation == null) {
                    return null;
                }
                reserved.set(reservation);
                List<Agent> ringing = reservation.agents();
                caller.offering(reservation.id(), ringing.size() == 1 ? ringing.getFirst().id() : null, clock.instant());
                queuecalls.save(caller);
                locks.moveCursor(queueId, ringing.getFirst().id());
                events.publish(QueueManagerEvents.QUEUECALL_OFFERING, caller.toQueuecall());
                log.info("queuecall {} of queue {} offered to {} (reservation {})", caller.id(), queueId,
                        ringing.stream().map(Agent::id).toList(), reservation.id());
                return new Offer(caller.toQueuecall(), queue.get(), reservation);
            }));
        } catch (RuntimeException e) {
            Reservation r = reserved.get();
            if (r != null) {
                agents.release(r.customerId(), r.id());
            }
            throw e;
        }
    }

    /**
     * Reserves by the queue's strategy. The agent who just missed this caller is skipped when anyone else is free;
     * when nobody else is, the offer goes to them again rather than leaving the caller waiting for an event that
     * may never come.
     */
    private Reservation reserve(Queue queue, QueuecallEntity caller) {
        List<UUID> exclude = caller.missedAgentId() == null ? List.of() : List.of(caller.missedAgentId());
        for (int attempt = 0; attempt < LOCKED_RETRIES; attempt++) {
            Reservation r = agents.reserve(new AgentReserve(queue.customerId(), UUID.randomUUID(), caller.id(),
                    queue.strategy(), queue.skills(), exclude, queue.agentOrder(),
                    locks.cursor(queue.id()).orElse(null),
                    Math.min(3600, queue.ringTimeoutSeconds() + RING_DEADLINE_MARGIN_SECONDS), null));
            if (!r.agents().isEmpty()) {
                return r;
            }
            if (r.lockedCandidates() == 0) {
                if (exclude.isEmpty()) {
                    return null;
                }
                exclude = List.of();
                attempt--;
            }
        }
        return null;
    }

    /** An offer to dial: the caller, its queue, the agents ringing for it. */
    record Offer(net.voipbin.contract.queuemanager.Queuecall caller, Queue queue, Reservation reservation) {
    }
}
