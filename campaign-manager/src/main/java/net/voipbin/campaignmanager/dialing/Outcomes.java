package net.voipbin.campaignmanager.dialing;

import java.time.Duration;
import java.time.Instant;

import net.voipbin.contract.callmanager.Call;
import net.voipbin.contract.campaignmanager.Campaigncall.Result;
import net.voipbin.contract.campaignmanager.Outplan;
import net.voipbin.contract.outdialmanager.ClaimRequests;
import net.voipbin.contract.outdialmanager.ClaimRequests.AttemptOutcome;

/**
 * What an attempt's end means. A call that was answered is a success whatever happened after (VoIPBIN
 * counted an answered call that later failed as a failure and dialled it again); an unanswered one is
 * judged by call-manager's hangup reason, and picks the outplan's retry interval for that result,
 * counted from the end of the attempt.
 */
final class Outcomes {

    private Outcomes() {
    }

    static Result of(Call call) {
        if (call.tmProgressing() != null) {
            return Result.SUCCESS;
        }
        if (call.hangupReason() == null) {
            return Result.FAIL;
        }
        return switch (call.hangupReason()) {
            case BUSY -> Result.BUSY;
            // Our dial timeout (dialout), the far end not answering, or it gave up ringing (cancel).
            case NOANSWER, DIALOUT, CANCEL -> Result.NO_ANSWER;
            // Unallocated number, congestion, network out of order...: call-manager's "failed".
            case FAILED -> Result.UNAVAILABLE;
            case NORMAL, TIMEOUT, AMD -> Result.FAIL;
        };
    }

    static Duration retryInterval(Result result, Outplan plan) {
        return Duration.ofMillis(switch (result) {
            case BUSY -> plan.retryBusyMs();
            case NO_ANSWER -> plan.retryNoAnswerMs();
            case UNAVAILABLE -> plan.retryUnavailableMs();
            default -> plan.retryFailedMs();
        });
    }

    /** The report to outdial-manager: done, dnc, or a retry at end + the result's interval. */
    static ClaimRequests.Outcome report(java.util.UUID claimId, Result result, Instant endedAt, Outplan plan) {
        return switch (result) {
            // An abandoned caller was reached (and hung up on waiting for us): not dialled again on its own.
            case SUCCESS, ABANDONED -> new ClaimRequests.Outcome(claimId, AttemptOutcome.DONE, null, null);
            case DNC -> new ClaimRequests.Outcome(claimId, AttemptOutcome.DNC, null, null);
            default -> new ClaimRequests.Outcome(claimId, AttemptOutcome.RETRY,
                    endedAt.plus(retryInterval(result, plan)), plan.maxTries());
        };
    }
}
