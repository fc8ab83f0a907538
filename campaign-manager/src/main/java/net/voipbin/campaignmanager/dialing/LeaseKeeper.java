package net.voipbin.campaignmanager.dialing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.campaignmanager.campaigncall.CampaigncallRow;
import net.voipbin.campaignmanager.campaigncall.CampaigncallStore;
import net.voipbin.campaignmanager.config.CampaignProperties;
import net.voipbin.contract.callmanager.Call;
import net.voipbin.contract.callmanager.CallManagerClient;
import net.voipbin.contract.callmanager.CallStatus;
import net.voipbin.contract.outdialmanager.ClaimRequests;
import net.voipbin.contract.outdialmanager.OutdialManagerClient;
import net.voipbin.contract.outdialmanager.TargetClaim;
import net.voipbin.rpc.error.ApiException;

/**
 * Keeps outdial-manager's claims in step with our attempts, on any instance (rows are taken with SKIP
 * LOCKED): a call in flight has its lease renewed before it lapses (else another claimer would dial the
 * target again), unless call-manager says it has ended (then the attempt ends here); a claim an instance took and died before dialling is given back; an outcome
 * outdial-manager did not take (it was away) is reported again.
 */
@Component
class LeaseKeeper {

    private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);
    private static final Duration REPORT_AGAIN_AFTER = Duration.ofSeconds(10);
    private static final int BATCH = 100;
    /**
     * A ringing call's claim covers its dial (dial timeout + lease margin) and its answer renews it for the talk: the
     * keeper looks at it only this close to its lapse (it was renewing every call right after its dial before, two
     * more RPCs per dial, inside a transaction whose row locks held up the call's events).
     */
    private static final Duration RINGING_RENEW_BEFORE = Duration.ofSeconds(15);

    private final CampaigncallStore calls;
    private final OutdialManagerClient outdials;
    private final CallManagerClient callManager;
    private final AttemptEnds ends;
    private final CampaignProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Dialer dialer;

    LeaseKeeper(CampaigncallStore calls, OutdialManagerClient outdials, CallManagerClient callManager, AttemptEnds ends,
            CampaignProperties properties, TransactionTemplate tx, Clock clock, Dialer dialer) {
        this.dialer = dialer;
        this.calls = calls;
        this.outdials = outdials;
        this.callManager = callManager;
        this.ends = ends;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${voipbin.campaign.keeper-period:5s}", initialDelayString = "${voipbin.campaign.keeper-period:5s}")
    void keep() {
        try {
            Instant now = clock.instant();
            List<Call> ended = new ArrayList<>();
            Duration round = properties.keeperPeriod();
            calls.takeLeasesDue(now.plus(properties.renewBefore()), now.plus(properties.renewBefore()).plus(round),
                    now.plus(RINGING_RENEW_BEFORE), now.plus(RINGING_RENEW_BEFORE).plus(round), BATCH)
                    .forEach(row -> endedCall(row).ifPresentOrElse(ended::add, () -> renew(row)));
            // A call whose call_hungup this service missed (it ended before its id was stored, and the look
            // after the dial failed too) would otherwise be renewed for ever.
            ended.forEach(call -> ends.end(() -> calls.lockByCall(call.id()), Outcomes.of(call), Dialer.reason(call),
                    call.activeflowId(), call.tmProgressing(), call.tmHangup() == null ? now : call.tmHangup(), false));
            tx.executeWithoutResult(s -> calls.staleClaims(now.minus(properties.staleClaim()), BATCH).forEach(this::giveBack));
            tx.executeWithoutResult(s -> calls.unreported(now.minus(REPORT_AGAIN_AFTER), BATCH).forEach(ends::report));
        } catch (RuntimeException e) {
            log.warn("lease keeping failed, next round soon: {}", e.toString());
        }
    }

    /** The attempt's call if call-manager says it has ended. */
    private Optional<Call> endedCall(CampaigncallRow row) {
        if (row.callId() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(callManager.get(row.callId())).filter(c -> c.status() == CallStatus.HANGUP);
        } catch (ApiException e) {
            log.warn("campaigncall {}: call {} not read: {}", row.id(), row.callId(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Renews the attempt's claim for the talk lease; a lost claim is logged (the call goes on). */
    void renew(CampaigncallRow row) {
        try {
            TargetClaim claim = outdials.renew(row.outdialTargetId(),
                    new ClaimRequests.Renew(row.claimId(), properties.talkLease().toMillis()));
            calls.lease(row.id(), claim.leaseExpiresAt());
        } catch (ApiException e) {
            log.warn("campaigncall {}: lease not renewed: {}", row.id(), e.getMessage());
            if (e.status() == 409 || e.status() == 404) {
                calls.lease(row.id(), clock.instant().plus(properties.talkLease()));
            }
        }
    }

    private void giveBack(CampaigncallRow row) {
        Optional<Call> made = dialer.madeCall(row.id());
        if (made.isPresent()) {
            log.warn("campaigncall {}: its dialer stopped after call {} was made; the attempt is that call's", row.id(),
                    made.get().id());
            dialer.adopt(row, made.get());
            return;
        }
        try {
            outdials.release(row.outdialTargetId(), new ClaimRequests.Release(row.claimId(), null));
        } catch (ApiException e) {
            log.warn("campaigncall {}: stale claim not released ({}); its lease lapses", row.id(), e.getMessage());
        }
        calls.forget(row.id());
        log.warn("campaigncall {}: claim left undialled by a dialer that stopped, given back", row.id());
    }
}
