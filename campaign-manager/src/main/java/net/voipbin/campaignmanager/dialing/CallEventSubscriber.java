package net.voipbin.campaignmanager.dialing;

import java.time.Clock;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.campaignmanager.campaigncall.CampaigncallStore;
import net.voipbin.contract.callmanager.Call;
import net.voipbin.contract.callmanager.CallManagerClient;
import net.voipbin.contract.callmanager.CallManagerEvents;
import net.voipbin.contract.campaignmanager.CampaignManagerEvents;
import net.voipbin.contract.campaignmanager.Campaigncall.Result;
import net.voipbin.contract.flowmanager.Activeflow;
import net.voipbin.contract.flowmanager.FlowManagerClient;
import net.voipbin.contract.flowmanager.FlowManagerEvents;
import net.voipbin.rpc.event.EventPublisher;
import net.voipbin.rpc.event.EventSubscriber;
import net.voipbin.rpc.event.EventSubscriptions;

/**
 * call-manager's and flow-manager's account of our attempts: answered (progressing), hung up (the end
 * of a call campaign's attempt), activeflow ended (the end of a flow campaign's attempt). Events of
 * calls and flows that are not ours find no campaigncall and change nothing; every instance shares
 * the service's queue, so any instance handles any campaign's events.
 */
@Component
class CallEventSubscriber implements EventSubscriber {

    private final CampaigncallStore calls;
    private final AttemptEnds ends;
    private final LeaseKeeper leases;
    private final EventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    CallEventSubscriber(CampaigncallStore calls, AttemptEnds ends, LeaseKeeper leases,
            EventPublisher events, TransactionTemplate tx, Clock clock) {
        this.calls = calls;
        this.ends = ends;
        this.leases = leases;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void subscriptions(EventSubscriptions s) {
        s.on(CallManagerClient.SERVICE, CallManagerEvents.CALL_ANSWERED, Call.class, this::answered)
                .on(CallManagerClient.SERVICE, CallManagerEvents.CALL_HUNGUP, Call.class, this::hungup)
                .on(FlowManagerClient.SERVICE, FlowManagerEvents.ACTIVEFLOW_DELETED, Activeflow.class, this::flowEnded);
    }

    private void answered(Call call) {
        var answered = tx.execute(st -> calls.lockByCall(call.id()).filter(row -> calls.answered(row.id(),
                call.tmProgressing() == null ? clock.instant() : call.tmProgressing(), clock.instant())).map(row -> {
                    var now = calls.find(row.id()).orElseThrow();
                    events.publish(CampaignManagerEvents.CAMPAIGNCALL_UPDATED, now.toCampaigncall());
                    return now;
                }).orElse(null));
        if (answered != null) {
            // The claim must outlive the talk: renew it now for the talk lease, the keeper renews it after.
            leases.renew(answered);
        }
    }

    private void hungup(Call call) {
        ends.end(() -> calls.lockByCall(call.id()), Outcomes.of(call), Dialer.reason(call), call.activeflowId(),
                call.tmProgressing(), call.tmHangup() == null ? clock.instant() : call.tmHangup(), false);
    }

    /** Only a flow campaign's attempt (no call) ends with its activeflow; a call's ends with call_hungup. */
    private void flowEnded(Activeflow flow) {
        if (flow.referenceType() != Activeflow.ReferenceType.CAMPAIGN) {
            return;
        }
        ends.end(() -> calls.lockByActiveflow(flow.id()).filter(row -> row.callId() == null),
                flow.error() == null ? Result.SUCCESS : Result.FAIL, flow.error(), flow.id(), null,
                flow.tmEnd() == null ? clock.instant() : flow.tmEnd(), false);
    }
}
