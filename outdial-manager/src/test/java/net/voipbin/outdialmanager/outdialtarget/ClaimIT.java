package net.voipbin.outdialmanager.outdialtarget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.contract.outdialmanager.ClaimRequests;
import net.voipbin.contract.outdialmanager.ClaimRequests.AttemptOutcome;
import net.voipbin.contract.outdialmanager.OutdialManagerEvents;
import net.voipbin.contract.outdialmanager.OutdialTarget;
import net.voipbin.contract.outdialmanager.OutdialTargetStatus;
import net.voipbin.contract.outdialmanager.TargetClaim;
import net.voipbin.contract.outdialmanager.TargetClaims;
import net.voipbin.outdialmanager.support.OutdialManagerITBase;
import net.voipbin.rpc.client.RpcErrorException;
import net.voipbin.testsupport.Http;

/** The dialer's side, through campaign-manager's typed client over the broker. */
class ClaimIT extends OutdialManagerITBase {

    private static final List<Integer> TWO_THEN_ONE = List.of(2, 1);

    private static ClaimRequests.Claim claim(List<Integer> maxTries, long leaseMs, int limit) {
        return new ClaimRequests.Claim(maxTries, leaseMs, limit);
    }

    private static ClaimRequests.Outcome retryNow(UUID claimId) {
        return new ClaimRequests.Outcome(claimId, AttemptOutcome.RETRY, Instant.now(), null);
    }

    @Test
    void slotsAreTriedInOrderEachUpToItsMaxAndThenTheTargetFails() {
        UUID outdial = createOutdial("slots");
        UUID target = createTarget(outdial, "{\"destinations\":[\"+16502530000\",\"+442079460958\"]}");

        TargetClaim first = only(dialer.claim(outdial, claim(TWO_THEN_ONE, 60_000, 1)));
        assertThat(first.target().id()).isEqualTo(target);
        assertThat(first.slot()).isZero();
        assertThat(first.destination()).isEqualTo("+16502530000");
        assertThat(first.tryNumber()).isEqualTo(1);
        assertThat(first.target().status()).isEqualTo(OutdialTargetStatus.PROGRESSING);
        OutdialTarget afterFirst = dialer.report(target, retryNow(first.claimId()));
        assertThat(afterFirst.status()).isEqualTo(OutdialTargetStatus.IDLE);
        assertThat(afterFirst.destinations().getFirst().tryCount()).isEqualTo(1);

        TargetClaim second = only(dialer.claim(outdial, claim(TWO_THEN_ONE, 60_000, 1)));
        assertThat(second.slot()).isZero();
        assertThat(second.tryNumber()).isEqualTo(2);
        dialer.report(target, retryNow(second.claimId()));

        TargetClaim third = only(dialer.claim(outdial, claim(TWO_THEN_ONE, 60_000, 1)));
        assertThat(third.slot()).isEqualTo(1);
        assertThat(third.destination()).isEqualTo("+442079460958");
        assertThat(third.tryNumber()).isEqualTo(1);
        // The dialer says how many tries there are: no slot is left, so the target ends now.
        OutdialTarget ended = dialer.report(target, new ClaimRequests.Outcome(third.claimId(), AttemptOutcome.RETRY,
                Instant.now(), TWO_THEN_ONE));
        assertThat(ended.status()).isEqualTo(OutdialTargetStatus.FAILED);
        assertThat(ended.destinations()).extracting(OutdialTarget.Destination::tryCount).containsExactly(2, 1);

        TargetClaims none = dialer.claim(outdial, claim(TWO_THEN_ONE, 60_000, 1));
        assertThat(none.exhausted()).isTrue();
        assertThat(dialer.counts(outdial).failed()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                events.of(OutdialManagerEvents.OUTDIALTARGET_UPDATED, "id", target).stream()
                        .map(e -> e.path("status").asString()).toList())
                .containsExactly("progressing", "idle", "progressing", "idle", "progressing", "failed"));
    }

    @Test
    void aTargetWithoutTriesLeftEndsFailedAtTheClaimAndTheNextOneIsHandedOut() {
        UUID outdial = createOutdial("exhausted");
        UUID used = createTarget(outdial, "{\"destinations\":[\"+16502530000\"]}");
        UUID fresh = createTarget(outdial, "{\"destinations\":[\"+16502530001\"]}");
        TargetClaim claim = only(dialer.claim(outdial, claim(List.of(1), 60_000, 1)));
        assertThat(claim.target().id()).isEqualTo(used);
        dialer.report(used, retryNow(claim.claimId()));

        TargetClaims next = dialer.claim(outdial, claim(List.of(1), 60_000, 2));

        assertThat(only(next).target().id()).isEqualTo(fresh);
        assertThat(dialer.getTarget(used).status()).isEqualTo(OutdialTargetStatus.FAILED);
    }

    @Test
    void aRetryWaitsForItsTimeAndADoneTargetIsNeverClaimedAgain() {
        UUID outdial = createOutdial("retry later");
        UUID a = createTarget(outdial, "{\"name\":\"a\",\"destinations\":[\"+16502530000\"]}");
        UUID b = createTarget(outdial, "{\"name\":\"b\",\"destinations\":[\"+16502530001\"]}");
        TargetClaims both = dialer.claim(outdial, claim(List.of(3), 60_000, 5));
        assertThat(both.claims()).extracting(c -> c.target().id()).containsExactly(a, b);
        assertThat(both.nextDueAt()).isNotNull();

        dialer.report(a, new ClaimRequests.Outcome(both.claims().get(0).claimId(), AttemptOutcome.DONE, null, null));
        Instant later = Instant.now().plusMillis(1500);
        OutdialTarget waiting = dialer.report(b, new ClaimRequests.Outcome(both.claims().get(1).claimId(),
                AttemptOutcome.RETRY, later, null));
        assertThat(waiting.nextTryAt()).isEqualTo(later.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));

        TargetClaims early = dialer.claim(outdial, claim(List.of(3), 60_000, 5));
        assertThat(early.claims()).isEmpty();
        assertThat(early.nextDueAt()).isEqualTo(waiting.nextTryAt());
        TargetClaim retried = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> dialer.claim(outdial, claim(List.of(3), 60_000, 5)), c -> !c.claims().isEmpty())
                .claims().getFirst();
        assertThat(retried.target().id()).isEqualTo(b);
        assertThat(retried.tryNumber()).isEqualTo(2);
        assertThat(Instant.now()).isAfterOrEqualTo(later);
        assertThat(dialer.getTarget(a).status()).isEqualTo(OutdialTargetStatus.DONE);
    }

    @Test
    void aLapsedClaimGoesToTheNextCallerAndTheLateHolderIsRefused() {
        UUID outdial = createOutdial("lapse");
        UUID target = createTarget(outdial, "{\"destinations\":[\"+16502530000\"]}");
        TargetClaim lapsing = only(dialer.claim(outdial, claim(List.of(2), 1000, 1)));
        TargetClaims meanwhile = dialer.claim(outdial, claim(List.of(2), 1000, 1));
        assertThat(meanwhile.claims()).isEmpty();
        assertThat(meanwhile.nextDueAt()).isEqualTo(lapsing.leaseExpiresAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));

        TargetClaim taken = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> dialer.claim(outdial, claim(List.of(2), 60_000, 1)), c -> !c.claims().isEmpty())
                .claims().getFirst();

        // The same attempt (nothing was reported, so no try counted), under a new claim.
        assertThat(taken.target().id()).isEqualTo(target);
        assertThat(taken.claimId()).isNotEqualTo(lapsing.claimId());
        assertThat(taken.tryNumber()).isEqualTo(lapsing.tryNumber());
        assertThatThrownBy(() -> dialer.report(target, retryNow(lapsing.claimId())))
                .isInstanceOfSatisfying(RpcErrorException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("claim_lost");
                });
        assertThatThrownBy(() -> dialer.renew(target, new ClaimRequests.Renew(lapsing.claimId(), 60_000L)))
                .isInstanceOfSatisfying(RpcErrorException.class, e -> assertThat(e.code()).isEqualTo("claim_lost"));

        ClaimRequests.Outcome done = new ClaimRequests.Outcome(taken.claimId(), AttemptOutcome.DONE, null, null);
        assertThat(dialer.report(target, done).status()).isEqualTo(OutdialTargetStatus.DONE);
        // A repeated report (the dialer's RPC timed out and it asked again) changes nothing.
        OutdialTarget again = dialer.report(target, done);
        assertThat(again.status()).isEqualTo(OutdialTargetStatus.DONE);
        assertThat(again.destinations().getFirst().tryCount()).isEqualTo(1);
    }

    @Test
    void aRenewedClaimHoldsAndAReleaseCountsNoTry() {
        UUID outdial = createOutdial("renew");
        UUID target = createTarget(outdial, "{\"destinations\":[\"+16502530000\"]}");
        TargetClaim claim = only(dialer.claim(outdial, claim(List.of(1), 1000, 1)));

        TargetClaim renewed = dialer.renew(target, new ClaimRequests.Renew(claim.claimId(), 600_000L));
        assertThat(renewed.leaseExpiresAt()).isAfter(Instant.now().plusSeconds(500));
        assertThat(dialer.getTarget(target).claimExpiresAt()).isEqualTo(
                renewed.leaseExpiresAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        // While it is held, the customer cannot swap its numbers under the call.
        assertThat(read(Http.put(api("/outdials/" + outdial + "/targets/" + target), token,
                "{\"destinations\":[\"+16502530009\"]}"), 409).path("error").asString()).isEqualTo("target_progressing");
        assertThat(dialer.claim(outdial, claim(List.of(1), 1000, 1)).claims()).isEmpty();

        OutdialTarget released = dialer.release(target, new ClaimRequests.Release(claim.claimId(), null));
        assertThat(released.status()).isEqualTo(OutdialTargetStatus.IDLE);
        assertThat(released.destinations().getFirst().tryCount()).isZero();
        TargetClaim again = only(dialer.claim(outdial, claim(List.of(1), 1000, 1)));
        assertThat(again.tryNumber()).isEqualTo(1);
        assertThat(dialer.report(target, new ClaimRequests.Outcome(again.claimId(), AttemptOutcome.DNC, null, null)))
                .satisfies(t -> {
                    assertThat(t.status()).isEqualTo(OutdialTargetStatus.DNC);
                    assertThat(t.destinations().getFirst().tryCount()).isZero();
                });
    }

    @Test
    void aTargetOutsideItsCallingWindowWaitsForItsOpeningWhereItIsAndIsNotHandedOut() {
        // Two callees nine hours apart; the window is the hour around now where one of them is.
        Instant now = Instant.now();
        boolean utcOpen = hour(now, "Etc/UTC") >= 1 && hour(now, "Etc/UTC") < 23;
        String openZone = utcOpen ? "Etc/UTC" : "Asia/Tokyo";
        String closedZone = utcOpen ? "Asia/Tokyo" : "Etc/UTC";
        LocalTime local = now.atZone(ZoneId.of(openZone)).toLocalTime();
        ClaimRequests.Window window = new ClaimRequests.Window(EnumSet.allOf(DayOfWeek.class),
                local.minusMinutes(30), local.plusMinutes(30), null);
        UUID outdial = createOutdial("window");
        UUID closed = createTarget(outdial, "{\"destinations\":[\"+16502530000\"],\"time_zone\":\"" + closedZone + "\"}");
        UUID open = createTarget(outdial, "{\"destinations\":[\"+16502530001\"],\"time_zone\":\"" + openZone + "\"}");

        TargetClaims claims = dialer.claim(outdial, new ClaimRequests.Claim(List.of(1), 60_000L, 5, window));

        assertThat(claims.claims()).extracting(c -> c.target().id()).containsExactly(open);
        OutdialTarget waiting = dialer.getTarget(closed);
        assertThat(waiting.status()).isEqualTo(OutdialTargetStatus.IDLE);
        assertThat(waiting.destinations().getFirst().tryCount()).isZero();
        Instant opening = CallingWindow.of(window).nextOpening(closedZone, now);
        assertThat(waiting.nextTryAt()).isBetween(opening.minusSeconds(5), opening.plusSeconds(5));
        assertThat(waiting.nextTryAt().atZone(ZoneId.of(closedZone)).toLocalTime().withSecond(0).withNano(0))
                .isEqualTo(window.start().withSecond(0).withNano(0));
        assertThat(dialer.claim(outdial, new ClaimRequests.Claim(List.of(1), 60_000L, 5, window)).claims()).isEmpty();
        assertThat(field(() -> dialer.claim(outdial, new ClaimRequests.Claim(List.of(1), 60_000L, 5,
                new ClaimRequests.Window(EnumSet.of(DayOfWeek.MONDAY), LocalTime.NOON, LocalTime.NOON, null)))))
                .isEqualTo("window.end");
    }

    private static int hour(Instant instant, String zone) {
        return instant.atZone(ZoneId.of(zone)).getHour();
    }

    @Test
    void deletedTargetsAndOutdialsAreNeverClaimed() {
        UUID outdial = createOutdial("deleted");
        UUID gone = createTarget(outdial, "{\"destinations\":[\"+16502530000\"]}");
        UUID kept = createTarget(outdial, "{\"destinations\":[\"+16502530001\"]}");
        read(Http.delete(api("/outdials/" + outdial + "/targets/" + gone), token), 204);

        TargetClaims claims = dialer.claim(outdial, claim(List.of(1), 60_000, 10));

        assertThat(claims.claims()).extracting(c -> c.target().id()).containsExactly(kept);
        assertThatThrownBy(() -> dialer.getTarget(gone)).isInstanceOfSatisfying(RpcErrorException.class,
                e -> assertThat(e.status()).isEqualTo(404));
        read(Http.delete(api("/outdials/" + outdial), token), 204);
        assertThatThrownBy(() -> dialer.claim(outdial, claim(List.of(1), 60_000, 10)))
                .isInstanceOfSatisfying(RpcErrorException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> dialer.claim(UUID.randomUUID(), claim(List.of(1), 60_000, 10)))
                .isInstanceOfSatisfying(RpcErrorException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void theDialerChecksAnOutdialsOwnerAndBadRequestsNameTheField() {
        UUID outdial = createOutdial("owner");
        UUID target = createTarget(outdial, "{\"destinations\":[\"+16502530000\"]}");
        assertThat(dialer.getOutdial(outdial, customer).name()).isEqualTo("owner");
        assertThat(dialer.getOutdial(outdial).customerId()).isEqualTo(customer);
        assertThatThrownBy(() -> dialer.getOutdial(outdial, UUID.randomUUID()))
                .isInstanceOfSatisfying(RpcErrorException.class, e -> assertThat(e.status()).isEqualTo(404));

        assertThat(field(() -> dialer.claim(outdial, claim(null, 60_000, 1)))).isEqualTo("max_tries");
        assertThat(field(() -> dialer.claim(outdial, claim(List.of(1, 1, 1, 1, 1, 1), 60_000, 1)))).isEqualTo("max_tries");
        assertThat(field(() -> dialer.claim(outdial, claim(List.of(0, 0), 60_000, 1)))).isEqualTo("max_tries");
        assertThat(field(() -> dialer.claim(outdial, claim(List.of(1), 10, 1)))).isEqualTo("lease_ms");
        assertThat(field(() -> dialer.claim(outdial, claim(List.of(1), 60_000, 101)))).isEqualTo("limit");
        TargetClaim claim = only(dialer.claim(outdial, claim(List.of(1), 60_000, 1)));
        assertThat(field(() -> dialer.report(target, new ClaimRequests.Outcome(claim.claimId(), AttemptOutcome.RETRY,
                null, null)))).isEqualTo("next_try_at");
        assertThat(field(() -> dialer.report(target, new ClaimRequests.Outcome(null, AttemptOutcome.DONE, null, null))))
                .isEqualTo("claim_id");
    }

    private static String field(Runnable call) {
        try {
            call.run();
        } catch (RpcErrorException e) {
            assertThat(e.status()).isEqualTo(400);
            return e.field();
        }
        throw new AssertionError("expected a 400");
    }

    private static TargetClaim only(TargetClaims claims) {
        assertThat(claims.claims()).hasSize(1);
        return claims.claims().getFirst();
    }
}
