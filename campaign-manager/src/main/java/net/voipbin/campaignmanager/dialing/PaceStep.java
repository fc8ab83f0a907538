package net.voipbin.campaignmanager.dialing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.campaignmanager.campaign.CampaignRuns;
import net.voipbin.campaignmanager.campaigncall.CampaigncallRow;
import net.voipbin.campaignmanager.campaigncall.CampaigncallStore;
import net.voipbin.campaignmanager.config.CampaignProperties;
import net.voipbin.campaignmanager.outplan.OutplanService;
import net.voipbin.contract.campaignmanager.Campaign;
import net.voipbin.contract.campaignmanager.Outplan;
import net.voipbin.contract.outdialmanager.ClaimRequests;
import net.voipbin.contract.outdialmanager.OutdialManagerClient;
import net.voipbin.contract.outdialmanager.TargetClaim;
import net.voipbin.contract.outdialmanager.TargetClaims;
import net.voipbin.rpc.error.ApiException;

/**
 * One pacing step of one campaign, in one transaction on its locked row: refill the dial budget, take
 * as many target attempts from outdial-manager as the budget and the in-flight cap allow (the claim is
 * what keeps two dialers off one attempt), store them as CLAIMED (they count as in flight at once, for
 * every instance), and say when to look again. The dials happen after the commit.
 */
@Component
class PaceStep {

    private static final Logger log = LoggerFactory.getLogger(PaceStep.class);
    /**
     * A budget holds at most one second's dials: a step delayed by a loaded machine (GC, a slow claim) keeps
     * the dials it missed instead of losing them (0.2 s lost 8 % of the rate on this 2-core box), while a
     * long pause is still not followed by more than a second's burst.
     */
    private static final double BURST_SECONDS = 1.0;
    /** The outdial has targets due that other claimers hold right now: ask again soon. */
    private static final Duration BUSY_RECHECK = Duration.ofMillis(250);

    private final PaceStore store;
    private final CampaigncallStore calls;
    private final OutplanService outplans;
    private final OutdialManagerClient outdials;
    private final CampaignRuns runs;
    private final QueuePacing queuePacing;
    private final CampaignProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    PaceStep(PaceStore store, CampaigncallStore calls, OutplanService outplans, OutdialManagerClient outdials,
            CampaignRuns runs, QueuePacing queuePacing, CampaignProperties properties, TransactionTemplate tx,
            Clock clock) {
        this.store = store;
        this.calls = calls;
        this.outplans = outplans;
        this.outdials = outdials;
        this.runs = runs;
        this.queuePacing = queuePacing;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    /** What a step left to do after its commit: attempts to dial, or a next campaign to start. */
    record Result(PaceStore.Due campaign, Outplan plan, List<CampaigncallRow> claimed, UUID nextCampaign) {
    }

    /** Empty when no running campaign is due (or every due one is being paced by another instance). */
    Optional<Result> run() {
        return Optional.ofNullable(tx.execute(s -> store.lockDue(clock.instant()).map(this::pace).orElse(null)));
    }

    private Result pace(PaceStore.Due c) {
        Instant now = clock.instant();
        double capacity = Math.max(1.0, c.dialRate() * BURST_SECONDS);
        double tokens = Math.min(capacity, c.tokens() + c.dialRate() * Duration.between(c.tokensAt(), now).toNanos() / 1e9);
        long inFlight = calls.inFlight(c.id());
        int want = (int) Math.min(Math.min(Math.floor(tokens), c.maxInFlight() - inFlight), properties.claimBatch());
        if (want <= 0) {
            // Budget: wait for the next token. In-flight cap: an ending call wakes the campaign.
            Instant next = inFlight >= c.maxInFlight() ? now.plus(properties.idleRecheck()) : tokenAt(tokens, c, now);
            store.paced(c.id(), tokens, now, next);
            return null;
        }
        // Asked only when the budget and the cap allow a dial: the queue's agents are the last limit.
        int room = queuePacing.room(c, now);
        if (room <= 0) {
            store.paced(c.id(), tokens, now, now.plus(properties.queueRecheck()));
            return null;
        }
        want = Math.min(want, room);
        Outplan plan;
        TargetClaims claims;
        try {
            plan = outplans.get(c.outplanId());
            long lease = Math.max(1000, plan.dialTimeoutMs() + properties.leaseMargin().toMillis());
            claims = outdials.claim(c.outdialId(), new ClaimRequests.Claim(plan.maxTries(), lease, want, c.window()));
        } catch (ApiException e) {
            log.warn("campaign {}: no claim from outdial {}: {}", c.id(), c.outdialId(), e.getMessage());
            store.paced(c.id(), tokens, now, now.plus(properties.idleRecheck()));
            return null;
        }
        List<CampaigncallRow> claimed = new ArrayList<>(claims.claims().size());
        for (TargetClaim claim : claims.claims()) {
            CampaigncallRow row = row(c, claim, now);
            calls.insertClaimed(row);
            claimed.add(row);
        }
        tokens -= claimed.size();
        if (claimed.size() < want && claims.exhausted() && inFlight == 0 && c.endHandle() == Campaign.EndHandle.STOP) {
            store.paced(c.id(), tokens, now, now);
            return new Result(c, plan, List.of(), runs.finish(c.id()).orElse(null));
        }
        store.paced(c.id(), tokens, now, next(c, claims, claimed.size() < want, tokens, now));
        return new Result(c, plan, claimed, null);
    }

    private Instant next(PaceStore.Due c, TargetClaims claims, boolean shortOfTargets, double tokens, Instant now) {
        if (!shortOfTargets) {
            return tokenAt(tokens, c, now);
        }
        Instant recheck = now.plus(properties.idleRecheck());
        if (claims.nextDueAt() == null) {
            return recheck;
        }
        Instant due = claims.nextDueAt().isAfter(now) ? claims.nextDueAt() : now.plus(BUSY_RECHECK);
        return due.isBefore(recheck) ? due : recheck;
    }

    /** When the budget next holds a whole dial. */
    private static Instant tokenAt(double tokens, PaceStore.Due c, Instant now) {
        if (tokens >= 1) {
            return now;
        }
        return now.plusNanos((long) Math.ceil((1 - tokens) / c.dialRate() * 1e9));
    }

    private static CampaigncallRow row(PaceStore.Due c, TargetClaim claim, Instant now) {
        return new CampaigncallRow(UUID.randomUUID(), c.customerId(), c.id(), c.outdialId(), claim.target().id(),
                claim.claimId(), claim.leaseExpiresAt(), claim.slot(), claim.destination(), claim.tryNumber(), null, null,
                CampaigncallRow.CLAIMED, null, null, null, now, null, null, null, now, null, null);
    }
}
