package net.voipbin.campaignmanager.dialing;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.campaignmanager.campaigncall.CampaigncallRow;
import net.voipbin.campaignmanager.campaigncall.CampaigncallStore;
import net.voipbin.campaignmanager.dnc.DncService;
import net.voipbin.contract.callmanager.Address;
import net.voipbin.contract.callmanager.Call;
import net.voipbin.contract.callmanager.CallManagerClient;
import net.voipbin.contract.callmanager.CallRequests;
import net.voipbin.contract.callmanager.CallStatus;
import net.voipbin.contract.campaignmanager.Campaign;
import net.voipbin.contract.campaignmanager.CampaignManagerEvents;
import net.voipbin.contract.campaignmanager.Campaigncall.Result;
import net.voipbin.contract.campaignmanager.Outplan;
import net.voipbin.contract.flowmanager.Activeflow;
import net.voipbin.contract.flowmanager.ActiveflowCreate;
import net.voipbin.contract.flowmanager.FlowManagerClient;
import net.voipbin.contract.outdialmanager.ClaimRequests;
import net.voipbin.contract.outdialmanager.OutdialManagerClient;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.event.EventPublisher;

/**
 * Dials one claimed attempt, on a virtual thread of its own so a slow originate holds up no other:
 * the campaign must still run (else the claim goes back undialled), the number must not be on the
 * customer's do-not-call list (checked right before the dial: result dnc, never dialled), then the
 * originate with the outplan's caller id and dial timeout ({@code type call}) or the activeflow
 * ({@code type flow}).
 */
@Component
class Dialer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Dialer.class);

    private final CampaigncallStore calls;
    private final PaceStore campaigns;
    private final DncService dnc;
    private final CallManagerClient callManager;
    private final FlowManagerClient flowManager;
    private final OutdialManagerClient outdials;
    private final AttemptEnds ends;
    private final EventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    Dialer(CampaigncallStore calls, PaceStore campaigns, DncService dnc, CallManagerClient callManager,
            FlowManagerClient flowManager, OutdialManagerClient outdials, AttemptEnds ends, EventPublisher events,
            TransactionTemplate tx, Clock clock) {
        this.calls = calls;
        this.campaigns = campaigns;
        this.dnc = dnc;
        this.callManager = callManager;
        this.flowManager = flowManager;
        this.outdials = outdials;
        this.ends = ends;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    void dial(CampaigncallRow row, PaceStore.Due campaign, Outplan plan) {
        threads.execute(() -> {
            try {
                dialNow(row, campaign, plan);
            } catch (RuntimeException e) {
                log.warn("campaigncall {}: dial failed: {}", row.id(), e.toString());
            }
        });
    }

    private void dialNow(CampaigncallRow row, PaceStore.Due campaign, Outplan plan) {
        if (!campaigns.running(campaign.id())) {
            release(row);
            return;
        }
        if (dnc.listed(campaign.customerId(), row.destination())) {
            // The rate caps calls: a number never dialled gives its dial back.
            campaigns.refund(campaign.id());
            ends.end(() -> calls.lock(row.id()), Result.DNC, null, null, null, clock.instant(), true);
            return;
        }
        if (campaign.type() == Campaign.Type.FLOW) {
            startFlow(row, campaign);
            return;
        }
        Call call;
        try {
            // The call is named after the attempt: whatever happens to this answer, call-manager can be asked
            // whether the attempt was dialled (below, and by the lease keeper after a crash), so none is dialled twice.
            call = callManager.create(new CallRequests.Create(campaign.customerId(), Address.tel(plan.source()),
                    List.of(Address.tel(row.destination())), campaign.flowId(), plan.dialTimeoutMs(), row.id()))
                    .getFirst();
        } catch (ApiException e) {
            Optional<Call> made = e.status() >= 500 ? madeCall(row.id()) : Optional.empty();
            if (made.isEmpty()) {
                log.warn("campaigncall {}: originate to {} refused: {}", row.id(), row.destination(), e.getMessage());
                ends.end(() -> calls.lock(row.id()), Result.FAIL, "originate_refused", null, null, clock.instant(), true);
                return;
            }
            log.info("campaigncall {}: originate answered {}, but call-manager made the call", row.id(), e.getMessage());
            call = made.get();
        }
        announceDialing(row, call.id(), null);
        log.info("campaigncall {} dialing {} as call {} (campaign {}, try {} of slot {})", row.id(), row.destination(),
                call.id(), campaign.id(), row.tryNumber(), row.slot());
        // A call that ended before its id was stored had its call_hungup find no campaigncall: look once.
        Call now = callManager.get(call.id());
        if (now.status() == CallStatus.HANGUP) {
            ends.end(() -> calls.lockByCall(now.id()), Outcomes.of(now), reason(now), now.activeflowId(),
                    now.tmProgressing(), now.tmHangup(), false);
        }
    }

    private void startFlow(CampaigncallRow row, PaceStore.Due campaign) {
        UUID activeflowId = UUID.randomUUID();
        announceDialing(row, null, activeflowId);
        try {
            flowManager.create(new ActiveflowCreate(activeflowId, campaign.customerId(), campaign.flowId(),
                    Activeflow.ReferenceType.CAMPAIGN, row.id(), Map.of("voipbin.campaign.id", campaign.id().toString(),
                            "voipbin.campaign.destination", row.destination())));
        } catch (ApiException e) {
            log.warn("campaigncall {}: activeflow refused: {}", row.id(), e.getMessage());
            ends.end(() -> calls.lock(row.id()), Result.FAIL, "activeflow_refused", activeflowId, null, clock.instant(),
                    false);
        }
    }

    /** The attempt's call, if call-manager made it (the call id is the campaigncall's). */
    Optional<Call> madeCall(UUID campaigncallId) {
        try {
            return Optional.of(callManager.get(campaigncallId));
        } catch (ApiException e) {
            if (e.status() != 404) {
                log.warn("campaigncall {}: its call not read: {}", campaigncallId, e.getMessage());
            }
            return Optional.empty();
        }
    }

    /**
     * An attempt whose dialer stopped after call-manager made its call: the attempt is that call's (and ends now if
     * the call already has), instead of being given back and dialled again.
     */
    void adopt(CampaigncallRow row, Call call) {
        announceDialing(row, call.id(), null);
        if (call.status() == CallStatus.HANGUP) {
            ends.end(() -> calls.lockByCall(call.id()), Outcomes.of(call), reason(call), call.activeflowId(),
                    call.tmProgressing(), call.tmHangup(), false);
        }
    }

    private void announceDialing(CampaigncallRow row, UUID callId, UUID activeflowId) {
        tx.executeWithoutResult(s -> {
            if (calls.dialed(row.id(), callId, activeflowId, clock.instant())) {
                events.publish(CampaignManagerEvents.CAMPAIGNCALL_CREATED, calls.find(row.id()).orElseThrow().toCampaigncall());
            }
        });
    }

    /** The campaign stopped between the claim and the dial: the attempt goes back, no try counted. */
    private void release(CampaigncallRow row) {
        try {
            outdials.release(row.outdialTargetId(), new ClaimRequests.Release(row.claimId(), null));
        } catch (ApiException e) {
            log.warn("campaigncall {}: claim not released ({}); its lease will lapse", row.id(), e.getMessage());
        }
        calls.forget(row.id());
    }

    static String reason(Call call) {
        return call.hangupReason() == null ? null : call.hangupReason().name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void destroy() {
        threads.shutdown();
    }
}
