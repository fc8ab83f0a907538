package net.voipbin.contract.callmanager;

import java.util.UUID;

/**
 * Event data of {@code call_operation_finished}: the long operation a caller started with an
 * {@code operation_id} of its choosing (flow-manager uses its action execution id) has ended.
 * {@code digits} is set for digits_receive ("" when none arrived).
 */
public record CallOperationFinished(
        UUID callId,
        UUID customerId,
        UUID activeflowId,
        String operationId,
        Operation operation,
        Result result,
        String digits) {

    public enum Operation { PLAY, TALK, DIGITS_RECEIVE, RECORD }

    /** done: completed normally; stopped: cut short (hangup, stop); failed: could not run; timeout: digits wait ran out. */
    public enum Result { DONE, STOPPED, FAILED, TIMEOUT }
}
