package net.voipbin.contract.campaignmanager;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One attempt on one target: the outdial target, its destination slot and number, the attempt's number
 * for that slot ({@code try_number}, from 1), the call and activeflow it made. {@code dialing} until
 * answered, {@code progressing} while answered, {@code done} with a {@code result} when it ended.
 */
public record Campaigncall(
        UUID id,
        UUID customerId,
        UUID campaignId,
        UUID outdialId,
        UUID outdialTargetId,
        int slot,
        String destination,
        int tryNumber,
        @JsonInclude(JsonInclude.Include.NON_NULL) UUID callId,
        @JsonInclude(JsonInclude.Include.NON_NULL) UUID activeflowId,
        Status status,
        @JsonInclude(JsonInclude.Include.NON_NULL) Result result,
        @JsonInclude(JsonInclude.Include.NON_NULL) String hangupReason,
        Instant tmCreate,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant tmAnswer,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant tmEnd,
        Instant tmUpdate) {

    public enum Status { DIALING, PROGRESSING, DONE }

    /**
     * success: answered (whatever happened after); busy, no_answer, unavailable: the far end's answer;
     * fail: the originate refused; abandoned: answered and put in the campaign's queue, the caller hung up
     * before an agent took the call (not dialled again); dnc: on the do-not-call list, never dialled.
     */
    public enum Result { SUCCESS, FAIL, BUSY, NO_ANSWER, UNAVAILABLE, ABANDONED, DNC }
}
