package net.voipbin.queuemanager.queuecall;

import java.time.Clock;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import net.voipbin.contract.callmanager.Call;
import net.voipbin.contract.callmanager.CallManagerEvents;
import net.voipbin.contract.callmanager.CallOperationFinished;
import net.voipbin.rpc.event.EventSubscriber;
import net.voipbin.rpc.event.EventSubscriptions;

/**
 * call-manager's events on the calls queue-manager cares about: agents' offer calls (answered, ended), callers'
 * calls (ended) and the waiting media's operations. An agent can answer before the dialer has recorded the call
 * it was rung on (call-manager answers the create, then the far end answers, racing our insert): an outgoing
 * call nobody knows yet is looked for again a few times over 3 s before it is taken as someone else's.
 */
@Component
class CallEventSubscriber implements EventSubscriber {

    private static final long[] RETRY_MS = {50, 200, 750, 2000};

    private final OfferOutcomes outcomes;
    private final OfferCalls offerCalls;
    private final QueuecallLocks locks;
    private final WaitingMedia media;
    private final Timers timers;
    private final Clock clock;

    CallEventSubscriber(OfferOutcomes outcomes, OfferCalls offerCalls, QueuecallLocks locks, WaitingMedia media,
            Timers timers, Clock clock) {
        this.outcomes = outcomes;
        this.offerCalls = offerCalls;
        this.locks = locks;
        this.media = media;
        this.timers = timers;
        this.clock = clock;
    }

    @Override
    public void subscriptions(EventSubscriptions s) {
        s.on(CallManagerEvents.PUBLISHER, CallManagerEvents.CALL_ANSWERED, Call.class, c -> answered(c, 0))
                .on(CallManagerEvents.PUBLISHER, CallManagerEvents.CALL_HUNGUP, Call.class, c -> hungUp(c, 0))
                .on(CallManagerEvents.PUBLISHER, CallManagerEvents.CALL_OPERATION_FINISHED,
                        CallOperationFinished.class, f -> {
                            if (f.operationId() != null && f.operationId().startsWith(WaitingMedia.PREFIX)) {
                                media.finished(f.operationId());
                            }
                        });
    }

    private void answered(Call call, int attempt) {
        if (offerCalls.find(call.id()).isPresent()) {
            outcomes.answered(call.id());
        } else {
            later(call, attempt, c -> answered(c, attempt + 1));
        }
    }

    private void hungUp(Call call, int attempt) {
        if (offerCalls.find(call.id()).isPresent()) {
            outcomes.agentCallEnded(call.id(), call.hangupReason());
        } else if (attempt == 0 && locks.hasLiveCaller(call.id())) {
            outcomes.callerHungUp(call.id());
        } else {
            later(call, attempt, c -> hungUp(c, attempt + 1));
        }
    }

    private void later(Call call, int attempt, Consumer<Call> retry) {
        if (call.direction() == Call.Direction.OUTGOING && attempt < RETRY_MS.length) {
            timers.at(clock.instant().plusMillis(RETRY_MS[attempt]), () -> retry.accept(call));
        }
    }
}
