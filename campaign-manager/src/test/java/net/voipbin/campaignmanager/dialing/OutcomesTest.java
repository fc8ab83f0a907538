package net.voipbin.campaignmanager.dialing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.contract.callmanager.Address;
import net.voipbin.contract.callmanager.Call;
import net.voipbin.contract.callmanager.Call.HangupReason;
import net.voipbin.contract.callmanager.CallStatus;
import net.voipbin.contract.campaignmanager.Campaigncall.Result;
import net.voipbin.contract.campaignmanager.Outplan;
import net.voipbin.contract.outdialmanager.ClaimRequests.AttemptOutcome;

class OutcomesTest {

    private static final Instant T = Instant.parse("2026-12-05T10:00:00Z");
    private static final Outplan PLAN = new Outplan(UUID.randomUUID(), UUID.randomUUID(), "p", "", "+16502530000",
            30_000, List.of(2, 1), 60_000, 120_000, 300_000, 600_000, T, T);

    private static Call ended(HangupReason reason, Instant answered) {
        return new Call(UUID.randomUUID(), UUID.randomUUID(), "a", "c", null, null, null, Call.Direction.OUTGOING,
                Address.tel("+16502530000"), Address.tel("+16502530001"), CallStatus.HANGUP, Call.HangupBy.REMOTE,
                reason, T, null, answered, T.plusSeconds(30), 0, null);
    }

    @Test
    void anAnsweredCallIsASuccessWhateverEndedIt() {
        assertThat(Outcomes.of(ended(HangupReason.NORMAL, T.plusSeconds(5)))).isEqualTo(Result.SUCCESS);
        assertThat(Outcomes.of(ended(HangupReason.FAILED, T.plusSeconds(5)))).isEqualTo(Result.SUCCESS);
        assertThat(Outcomes.report(UUID.randomUUID(), Result.SUCCESS, T, PLAN).outcome()).isEqualTo(AttemptOutcome.DONE);
    }

    @Test
    void anUnansweredCallIsJudgedByItsHangupReason() {
        assertThat(Outcomes.of(ended(HangupReason.BUSY, null))).isEqualTo(Result.BUSY);
        assertThat(Outcomes.of(ended(HangupReason.NOANSWER, null))).isEqualTo(Result.NO_ANSWER);
        assertThat(Outcomes.of(ended(HangupReason.DIALOUT, null))).isEqualTo(Result.NO_ANSWER);
        assertThat(Outcomes.of(ended(HangupReason.CANCEL, null))).isEqualTo(Result.NO_ANSWER);
        assertThat(Outcomes.of(ended(HangupReason.FAILED, null))).isEqualTo(Result.UNAVAILABLE);
        assertThat(Outcomes.of(ended(null, null))).isEqualTo(Result.FAIL);
    }

    @Test
    void eachResultRetriesAfterItsOwnIntervalFromTheEndOfTheAttempt() {
        assertThat(Outcomes.report(UUID.randomUUID(), Result.BUSY, T, PLAN).nextTryAt()).isEqualTo(T.plusSeconds(60));
        assertThat(Outcomes.report(UUID.randomUUID(), Result.NO_ANSWER, T, PLAN).nextTryAt()).isEqualTo(T.plusSeconds(120));
        assertThat(Outcomes.report(UUID.randomUUID(), Result.UNAVAILABLE, T, PLAN).nextTryAt()).isEqualTo(T.plusSeconds(300));
        assertThat(Outcomes.report(UUID.randomUUID(), Result.FAIL, T, PLAN).nextTryAt()).isEqualTo(T.plusSeconds(600));
        assertThat(Outcomes.report(UUID.randomUUID(), Result.BUSY, T, PLAN).maxTries()).containsExactly(2, 1);
        assertThat(Outcomes.report(UUID.randomUUID(), Result.DNC, T, PLAN).outcome()).isEqualTo(AttemptOutcome.DNC);
    }
}
