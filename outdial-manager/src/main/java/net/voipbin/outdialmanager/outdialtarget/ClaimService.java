package net.voipbin.outdialmanager.outdialtarget;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.contract.outdialmanager.ClaimRequests;
import net.voipbin.contract.outdialmanager.OutdialManagerEvents;
import net.voipbin.contract.outdialmanager.OutdialTarget;
import net.voipbin.contract.outdialmanager.TargetClaim;
import net.voipbin.contract.outdialmanager.TargetClaims;
import net.voipbin.outdialmanager.config.OutdialProperties;
import net.voipbin.outdialmanager.outdial.OutdialService;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.event.EventPublisher;

/**
 * The dialer's side of targets (campaign-manager): claim due target attempts, then end each claim with
 * an outcome or a release, or keep it with a renewal. A claim is a lease: if its holder dies, the target
 * falls due again when the lease lapses, and the late holder's reports are refused ({@code claim_lost}).
 */
@Service
class ClaimService {

    private static final Logger log = LoggerFactory.getLogger(ClaimService.class);

    private final ClaimStore store;
    private final TargetRepository targets;
    private final TargetService views;
    private final OutdialService outdials;
    private final EventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final OutdialProperties properties;

    ClaimService(ClaimStore store, TargetRepository targets, TargetService views, OutdialService outdials,
            EventPublisher events, TransactionTemplate tx, Clock clock, OutdialProperties properties) {
        this.store = store;
        this.targets = targets;
        this.views = views;
        this.outdials = outdials;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
    }

    TargetClaims claim(UUID outdialId, ClaimRequests.Claim request) {
        // All zeros would end every target it locked as failed: surely a mistake, never a plan.
        if (request.maxTries().stream().allMatch(max -> max == 0)) {
            throw ApiException.invalidField("max_tries", "at least one slot needs a try");
        }
        outdials.get(outdialId);
        return tx.execute(status -> {
            Instant now = clock.instant();
            Instant until = now.plusMillis(request.lease());
            List<TargetClaim> claims = new ArrayList<>();
            for (int round = 0; round < properties.claimRounds() && claims.size() < request.max(); round++) {
                int wanted = request.max() - claims.size();
                List<ClaimStore.Due> due = store.lockDue(outdialId, now, wanted);
                if (due.isEmpty()) {
                    break;
                }
                claims.addAll(decide(due, request.maxTries(), until, now));
                if (due.size() < wanted) {
                    break;
                }
            }
            Instant nextDue = claims.size() < request.max() ? store.nextDue(outdialId).orElse(null) : null;
            return new TargetClaims(claims, nextDue);
        });
    }

    /** Claims each locked target on its next slot; one without a slot left ends failed (announced, not claimed). */
    private List<TargetClaim> decide(List<ClaimStore.Due> due, List<Integer> maxTries, Instant until, Instant now) {
        List<ClaimStore.Decision> decisions = due.stream().map(d -> {
            int slot = Slots.next(d.destinations(), d.tryCounts(), maxTries);
            return new ClaimStore.Decision(d.id(), slot >= 0, slot >= 0 ? UUID.randomUUID() : null, slot);
        }).toList();
        Map<UUID, OutdialTarget> after = store.apply(decisions, until, now).stream()
                .collect(Collectors.toMap(OutdialTarget::id, Function.identity()));
        List<TargetClaim> claims = new ArrayList<>();
        for (ClaimStore.Decision decision : decisions) {
            OutdialTarget target = after.get(decision.id());
            events.publish(OutdialManagerEvents.OUTDIALTARGET_UPDATED, target);
            if (decision.claimed()) {
                OutdialTarget.Destination slot = target.destinations().get(decision.slot());
                claims.add(new TargetClaim(decision.claimId(), decision.slot(), slot.number(), slot.tryCount() + 1,
                        until, target));
                log.debug("target {} claimed ({}): slot {} try {}", target.id(), decision.claimId(), decision.slot(),
                        slot.tryCount() + 1);
            } else {
                log.info("target {} failed: every destination used its tries", target.id());
            }
        }
        return claims;
    }

    OutdialTarget report(UUID targetId, ClaimRequests.Outcome outcome) {
        if (outcome.outcome() == ClaimRequests.AttemptOutcome.RETRY && outcome.nextTryAt() == null) {
            throw ApiException.invalidField("next_try_at", "required for a retry");
        }
        return tx.execute(status -> {
            OutdialTargetEntity target = targets.lock(targetId).orElseThrow(() -> TargetService.notFound(targetId));
            if (!target.report(outcome.claimId(), outcome.outcome(), outcome.nextTryAt(), outcome.maxTries(),
                    clock.instant())) {
                return views.view(target);
            }
            log.debug("target {} claim {}: {}", targetId, outcome.claimId(), outcome.outcome());
            return views.announce(OutdialManagerEvents.OUTDIALTARGET_UPDATED, targets.save(target));
        });
    }

    OutdialTarget release(UUID targetId, ClaimRequests.Release release) {
        return tx.execute(status -> {
            OutdialTargetEntity target = targets.lock(targetId).orElseThrow(() -> TargetService.notFound(targetId));
            Instant now = clock.instant();
            if (!target.release(release.claimId(), release.nextTryAt() == null ? now : release.nextTryAt(), now)) {
                return views.view(target);
            }
            return views.announce(OutdialManagerEvents.OUTDIALTARGET_UPDATED, targets.save(target));
        });
    }

    /** Not announced: nothing a customer sees changes but the lease. */
    TargetClaim renew(UUID targetId, ClaimRequests.Renew renew) {
        return tx.execute(status -> {
            OutdialTargetEntity target = targets.lock(targetId).orElseThrow(() -> TargetService.notFound(targetId));
            Instant until = clock.instant().plusMillis(renew.leaseMs());
            target.renew(renew.claimId(), until);
            OutdialTarget saved = views.view(targets.save(target));
            int slot = target.claimSlot();
            return new TargetClaim(renew.claimId(), slot, saved.destinations().get(slot).number(),
                    saved.destinations().get(slot).tryCount() + 1, until, saved);
        });
    }
}
