package net.voipbin.outdialmanager.outdialtarget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.contract.outdialmanager.ClaimRequests.AttemptOutcome;
import net.voipbin.contract.outdialmanager.OutdialTarget;
import net.voipbin.contract.outdialmanager.OutdialTargetStatus;
import net.voipbin.rpc.error.ApiException;

class OutdialTargetEntityTest {

    private static final Instant NOW = Instant.parse("2026-01-20T12:00:00Z");
    private final UUID claim = UUID.randomUUID();

    /** Claimed on slot 1 under {@link #claim}, slot 0 already tried twice. */
    private OutdialTargetEntity claimed() {
        return new OutdialTargetEntity(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "n", "", "{}",
                List.of("+16502530000", "+442079460958"), List.of(2, 0), OutdialTargetStatus.PROGRESSING, null,
                NOW.plusSeconds(60), claim, 1, 3L, NOW, NOW, null);
    }

    private static OutdialTarget view(OutdialTargetEntity entity) {
        return entity.toTarget(text -> Map.of());
    }

    @Test
    void aRetryCountsATryOnTheClaimedSlotAndWaitsIdleUntilItsTime() {
        OutdialTargetEntity target = claimed();

        assertThat(target.report(claim, AttemptOutcome.RETRY, NOW.plusSeconds(300), null, NOW)).isTrue();

        OutdialTarget after = view(target);
        assertThat(after.status()).isEqualTo(OutdialTargetStatus.IDLE);
        assertThat(after.destinations()).extracting(OutdialTarget.Destination::tryCount).containsExactly(2, 1);
        assertThat(after.nextTryAt()).isEqualTo(NOW.plusSeconds(300));
        assertThat(after.claimExpiresAt()).isNull();
    }

    @Test
    void aRetryWithNoSlotLeftUnderTheGivenMaximaFails() {
        OutdialTargetEntity target = claimed();
        target.report(claim, AttemptOutcome.RETRY, NOW, List.of(2, 1), NOW);
        assertThat(view(target).status()).isEqualTo(OutdialTargetStatus.FAILED);
    }

    @Test
    void aRepeatedReportChangesNothingAndAnotherClaimIsRefused() {
        OutdialTargetEntity target = claimed();
        target.report(claim, AttemptOutcome.DONE, null, null, NOW);

        assertThat(target.report(claim, AttemptOutcome.DONE, null, null, NOW)).isFalse();
        assertThat(target.release(claim, NOW, NOW)).isFalse();
        assertThat(view(target).destinations().get(1).tryCount()).isEqualTo(1);
        assertThatThrownBy(() -> target.report(UUID.randomUUID(), AttemptOutcome.DONE, null, null, NOW))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("claim_lost"));
        assertThatThrownBy(() -> target.renew(claim, NOW.plusSeconds(60)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("claim_lost"));
    }

    @Test
    void releaseAndDncCountNoTry() {
        OutdialTargetEntity released = claimed();
        released.release(claim, NOW.plusSeconds(3600), NOW);
        assertThat(view(released).status()).isEqualTo(OutdialTargetStatus.IDLE);
        assertThat(view(released).nextTryAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(view(released).destinations().get(1).tryCount()).isZero();

        OutdialTargetEntity dnc = claimed();
        dnc.report(claim, AttemptOutcome.DNC, null, null, NOW);
        assertThat(view(dnc).status()).isEqualTo(OutdialTargetStatus.DNC);
        assertThat(view(dnc).destinations().get(1).tryCount()).isZero();
    }

    @Test
    void newDestinationsAreRefusedWhileDialledAndKeepTheTriesOfUnchangedSlotsOtherwise() {
        OutdialTargetEntity dialled = claimed();
        assertThatThrownBy(() -> dialled.edit(null, null, null, List.of("+16502530001"), null, NOW))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("target_progressing"));
        dialled.edit("renamed", null, null, null, null, NOW);
        assertThat(view(dialled).name()).isEqualTo("renamed");

        dialled.report(claim, AttemptOutcome.RETRY, NOW, null, NOW);
        dialled.edit(null, null, null, List.of("+16502530000", "+16502530009"), null, NOW);
        assertThat(view(dialled).destinations()).extracting(OutdialTarget.Destination::tryCount).containsExactly(2, 0);
    }

    @Test
    void slotsAreTakenInOrderUpToTheirMaxima() {
        List<String> two = List.of("+16502530000", "+442079460958");
        assertThat(Slots.next(two, List.of(0, 0), List.of(2, 1))).isZero();
        assertThat(Slots.next(two, List.of(2, 0), List.of(2, 1))).isEqualTo(1);
        assertThat(Slots.next(two, List.of(2, 1), List.of(2, 1))).isEqualTo(-1);
        assertThat(Slots.next(two, List.of(2, 0), List.of(2))).isEqualTo(-1);
        assertThat(Slots.next(two, List.of(0, 0), List.of(0, 3))).isEqualTo(1);
    }
}
