package net.voipbin.callmanager.call;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import net.voipbin.contract.callmanager.Address;
import net.voipbin.contract.callmanager.Call;
import net.voipbin.contract.callmanager.Call.Direction;
import net.voipbin.contract.callmanager.Call.HangupBy;
import net.voipbin.contract.callmanager.Call.HangupReason;
import net.voipbin.contract.callmanager.CallStatus;

/**
 * A call as stored; {@code customerId} is null for an unrouted call (a number nobody owns). Immutable: each state change is a method that checks the transition and returns
 * the next version; {@link #toCall()} is the resource others see.
 */
public record CallRow(
        UUID id,
        UUID customerId,
        String asteriskId,
        String channelId,
        String bridgeId,
        UUID flowId,
        UUID activeflowId,
        Direction direction,
        Address source,
        Address destination,
        CallStatus status,
        HangupBy hangupBy,
        HangupReason hangupReason,
        String hangupNote,
        Instant tmCreate,
        Instant tmRinging,
        Instant tmProgressing,
        Instant tmHangup,
        long durationMs,
        Instant dialDeadline) {

    public boolean isLive() {
        return status != CallStatus.HANGUP;
    }

    /** A call to a number nobody owns: it belongs to no customer ({@code customerId} null). */
    public boolean isUnrouted() {
        return customerId == null;
    }

    public boolean wasAnswered() {
        return tmProgressing != null;
    }

    public CallRow ringing(Instant now) {
        return next(CallStatus.RINGING, now, tmProgressing, null, null, null);
    }

    public CallRow answered(Instant now) {
        return next(CallStatus.PROGRESSING, tmRinging, now, null, null, null);
    }

    /** We asked Asterisk to hang up: terminating once answered, canceling before. */
    public CallRow hangingUp(HangupReason reason, String note) {
        CallStatus to = wasAnswered() ? CallStatus.TERMINATING : CallStatus.CANCELING;
        return next(to, tmRinging, tmProgressing, HangupBy.LOCAL, reason, note);
    }

    /**
     * The channel is gone. A hangup we requested keeps its reason; otherwise the far end ended it and
     * the cause says why.
     */
    public CallRow hungUp(int cause, Instant now) {
        CallTransitions.require(status, CallStatus.HANGUP);
        boolean local = hangupBy == HangupBy.LOCAL;
        HangupReason reason = local && hangupReason != null ? hangupReason : HangupCauses.reason(cause, wasAnswered());
        long duration = wasAnswered() ? Math.max(0, Duration.between(tmProgressing, now).toMillis()) : 0;
        return new CallRow(id, customerId, asteriskId, channelId, bridgeId, flowId, activeflowId, direction, source,
                destination, CallStatus.HANGUP, local ? HangupBy.LOCAL : HangupBy.REMOTE, reason, hangupNote,
                tmCreate, tmRinging, tmProgressing, now, duration, dialDeadline);
    }

    public CallRow withCustomer(UUID customer, UUID flow) {
        return new CallRow(id, customer, asteriskId, channelId, bridgeId, flow, activeflowId, direction, source,
                destination, status, hangupBy, hangupReason, hangupNote, tmCreate, tmRinging, tmProgressing, tmHangup,
                durationMs, dialDeadline);
    }

    public CallRow withAsterisk(String asterisk) {
        return new CallRow(id, customerId, asterisk, channelId, bridgeId, flowId, activeflowId, direction, source,
                destination, status, hangupBy, hangupReason, hangupNote, tmCreate, tmRinging, tmProgressing, tmHangup,
                durationMs, dialDeadline);
    }

    public CallRow withBridge(String bridge) {
        return new CallRow(id, customerId, asteriskId, channelId, bridge, flowId, activeflowId, direction, source,
                destination, status, hangupBy, hangupReason, hangupNote, tmCreate, tmRinging, tmProgressing, tmHangup,
                durationMs, dialDeadline);
    }

    public Call toCall() {
        return new Call(id, customerId, asteriskId, channelId, bridgeId, flowId, activeflowId, direction, source,
                destination, status, hangupBy, hangupReason, tmCreate, tmRinging, tmProgressing, tmHangup, durationMs,
                hangupNote);
    }

    private CallRow next(CallStatus to, Instant ringing, Instant progressing, HangupBy by, HangupReason reason,
            String note) {
        CallTransitions.require(status, to);
        return new CallRow(id, customerId, asteriskId, channelId, bridgeId, flowId, activeflowId, direction, source,
                destination, to, by == null ? hangupBy : by, reason == null ? hangupReason : reason,
                note == null ? hangupNote : note, tmCreate, ringing, progressing, tmHangup, durationMs, dialDeadline);
    }
}
