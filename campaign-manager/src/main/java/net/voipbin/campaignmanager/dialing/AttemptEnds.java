package net.voipbin.campaignmanager.dialing;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.campaignmanager.campaign.CampaignRuns;
import net.voipbin.campaignmanager.campaign.CampaignService;
import net.voipbin.campaignmanager.campaigncall.CampaigncallRow;
import net.voipbin.campaignmanager.campaigncall.CampaigncallStore;
import net.voipbin.campaignmanager.outplan.OutplanService;
import net.voipbin.contract.campaignmanager.CampaignManagerEvents;
import net.voipbin.contract.campaignmanager.Campaigncall.Result;
import net.voipbin.contract.campaignmanager.Outplan;
import net.voipbin.contract.outdialmanager.OutdialManagerClient;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.event.EventPublisher;

/**
 * The end of an attempt, however it came (call_hungup, activeflow_deleted, a refused originate, a DNC
 * hit): the campaigncall is done with its result (once: a repeated end changes nothing), the outcome
 * goes to outdial-manager (retry at the end + the result's interval), a stopping campaign may stop, and
 * the pacer looks at the campaign at once.
 */
@Component
class AttemptEnds {

    private static final Logger log = LoggerFactory.getLogger(AttemptEnds.class);

    private final CampaigncallStore calls;
    private final CampaignService campaigns;
    private final OutplanService outplans;
    private final CampaignRuns runs;
    private final OutdialManagerClient outdials;
    private final EventPublisher events;
    private final ApplicationEventPublisher signals;
    private final TransactionTemplate tx;
    private final Clock clock;

    AttemptEnds(CampaigncallStore calls, CampaignService campaigns, OutplanService outplans, CampaignRuns runs,
            OutdialManagerClient outdials, EventPublisher events, ApplicationEventPublisher signals,
            TransactionTemplate tx, Clock clock) {
        this.calls = calls;
        this.campaigns = campaigns;
        this.outplans = outplans;
        this.runs = runs;
        this.outdials = outdials;
        this.events = events;
        this.signals = signals;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Ends the locked row found by {@code find} (inside this method's transaction). {@code created}: the
     * attempt ends before it was announced (DNC, refused originate), so this is its first event.
     */
    void end(java.util.function.Supplier<Optional<CampaigncallRow>> find, Result result, String hangupReason,
            UUID activeflowId, Instant answeredAt, Instant endedAt, boolean created) {
        CampaigncallRow ended = tx.execute(s -> find.get().filter(row -> !row.ended()).map(row -> {
            // Answered and put in the queue, but gone before any agent took it: the campaign abandoned the caller.
            Result judged = result == Result.SUCCESS && row.tmQueued() != null && row.tmAgent() == null
                    ? Result.ABANDONED : result;
            calls.end(row.id(), judged, hangupReason, activeflowId, answeredAt, endedAt, clock.instant());
            CampaigncallRow done = calls.find(row.id()).orElseThrow();
            events.publish(created ? CampaignManagerEvents.CAMPAIGNCALL_CREATED : CampaignManagerEvents.CAMPAIGNCALL_UPDATED,
                    done.toCampaigncall());
            return done;
        }).orElse(null));
        if (ended == null) {
            return;
        }
        log.info("campaigncall {} of campaign {} ended {} (target {}, slot {}, try {})", ended.id(), ended.campaignId(),
                ended.result(), ended.outdialTargetId(), ended.slot(), ended.tryNumber());
        report(ended);
        runs.settle(ended.campaignId());
        signals.publishEvent(new AttemptEnded(ended.campaignId()));
    }

    /** Tells outdial-manager; an unreachable outdial-manager is asked again by the {@link LeaseKeeper}. */
    void report(CampaigncallRow row) {
        try {
            Outplan plan = outplans.get(campaigns.outplanId(row.campaignId()));
            outdials.report(row.outdialTargetId(), Outcomes.report(row.claimId(), Result.valueOf(row.result()),
                    row.tmEnd(), plan));
        } catch (ApiException e) {
            if (e.status() != 404 && e.status() != 409) {
                log.warn("campaigncall {}: outcome not reported yet: {}", row.id(), e.getMessage());
                return;
            }
            // 409 claim_lost: the lease lapsed and someone else holds the target; 404: it was deleted.
            log.warn("campaigncall {}: outcome refused by outdial-manager: {}", row.id(), e.getMessage());
        }
        calls.reported(row.id(), clock.instant());
    }
}
