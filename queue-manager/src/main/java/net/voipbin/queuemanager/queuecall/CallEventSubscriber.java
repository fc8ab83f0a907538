package net.voipbin.queuemanager.queuecall;

import org.springframework.stereotype.Component;

import net.voipbin.contract.callmanager.Call;
import net.voipbin.contract.callmanager.CallManagerEvents;
import net.voipbin.contract.callmanager.CallOperationFinished;
import net.voipbin.rpc.event.EventSubscriber;
import net.voipbin.rpc.event.EventSubscriptions;

/**
 * call-manager's events on the calls queue-manager cares about: agents' offer calls (answered, ended), callers'
 * calls (ended) and the waiting media's operations. Every other call's events are ignored after one index read.
 */
@Component
class CallEventSubscriber implements EventSubscriber {

    private final OfferOutcomes outcomes;
    private final OfferCalls offerCalls;
    private final WaitingMedia media;

    CallEventSubscriber(OfferOutcomes outcomes, OfferCalls offerCalls, WaitingMedia media) {
        this.outcomes = outcomes;
        this.offerCalls = offerCalls;
        this.media = media;
    }

    @Override
    public void subscriptions(EventSubscriptions s) {
        s.on(CallManagerEvents.PUBLISHER, CallManagerEvents.CALL_ANSWERED, Call.class, c -> outcomes.answered(c.id()))
                .on(CallManagerEvents.PUBLISHER, CallManagerEvents.CALL_HUNGUP, Call.class, this::hungUp)
                .on(CallManagerEvents.PUBLISHER, CallManagerEvents.CALL_OPERATION_FINISHED,
                        CallOperationFinished.class, f -> {
                            if (f.operationId() != null && f.operationId().startsWith(WaitingMedia.PREFIX)) {
                                media.finished(f.operationId());
                            }
                        });
    }

    private void hungUp(Call call) {
        if (offerCalls.find(call.id()).isPresent()) {
            outcomes.agentCallEnded(call.id(), call.hangupReason());
        } else {
            outcomes.callerHungUp(call.id());
        }
    }
}
