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
    /** Targets looked at per round when a window may set some aside. */
    private static final int WINDOW_BATCH = 100;

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
        CallingWindow window = CallingWindow.of(request.window());
        outdials.get(outdialId);
        return tx.execute(status -> {
            Instant now = clock.instant();
            Instant until = now.plusMillis(request.lease());
            List<TargetClaim> claims = new ArrayList<>();
            for (int round = 0; round < properties.claimRounds() && claims.size() < request.max(); round++) {
                int wanted = request.max() - claims.size();
                // With a window, look further: the targets outside it are set aside in the same pass.
                int batch = window == null ? wanted : Math.max(wanted, WINDOW_BATCH);
                List<ClaimStore.Due> due = store.lockDue(outdialId, now, batch);
                if (due.isEmpty()) {
                    break;
                }
                claims.addAll(decide(due, wanted, request.maxTries(), window, until, now));
                if (due.size() < batch) {
                    break;
                }
            }
            Instant nextDue = claims.size() < request.max() ? store.nextDue(outdialId).orElse(null) : null;
            return new TargetClaims(claims, nextDue);
        });
    }

    /**
     * In due order: a target outside its calling window waits for it; one without a slot left ends failed
     * (announced); the others are claimed, up to {@code wanted}; locked targets past that stay as they were.
     */
    private List<TargetClaim> decide(List<ClaimStore.Due> due, int wanted, List<Integer> maxTries,
            CallingWindow window, Instant until, Instant now) {
        List<ClaimStore.Decision> decisions = new ArrayList<>();
        int claiming = 0;
        for (ClaimStore.Due target : due) {
            Instant opening = window == null ? null : window.nextOpening(target.timeZone(), now);
            if (opening != null) {
                decisions.add(ClaimStore.Decision.waiting(target.id(), opening));
                continue;
            }
            if (claiming == wanted) {
                continue;
            }
            int slot = Slots.next(target.destinations(), target.tryCounts(), maxTries);
            decisions.add(slot < 0 ? ClaimStore.Decision.failed(target.id())
                    : ClaimStore.Decision.claimed(target.id(), UUID.randomUUID(), slot));
            claiming += slot < 0 ? 0 : 1;
        }
        if (decisions.isEmpty()) {
            return List.of();
        }
        Map<UUID, OutdialTarget> after = store.apply(decisions, until, now).stream()
                .collect(Collectors.toMap(OutdialTarget::id, Function.identity()));
        List<TargetClaim> claims = new ArrayList<>();
        for (ClaimStore.Decision decision : decisions) {
            OutdialTarget target = after.get(decision.id());
            if (decision.claimed()) {
                OutdialTarget.Destination slot = target.destinations().get(decision.slot());
                claims.add(new TargetClaim(decision.claimId(), decision.slot(), slot.number(), slot.tryCount() + 1,
                        until, target));
                events.publish(OutdialManagerEvents.OUTDIALTARGET_UPDATED, target);
                log.debug("target {} claimed ({}): slot {} try {}", target.id(), decision.claimId(), decision.slot(),
                        slot.tryCount() + 1);
            } else if (decision.waitUntil() == null) {
                events.publish(OutdialManagerEvents.OUTDIALTARGET_UPDATED, target);
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
