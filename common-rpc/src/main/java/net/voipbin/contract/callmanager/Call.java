package net.voipbin.contract.callmanager;

import java.time.Instant;
import java.util.UUID;

/**
 * The call resource as REST shows it and every {@code call_*} event carries it. Optional fields are
 * null until known; {@code duration_ms} counts from answer (progressing) to hangup, 0 if never answered;
 * {@code hangup_note} says why call-manager itself ended a call (e.g. {@code number_not_found}).
 */
public record Call(
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
        Instant tmCreate,
        Instant tmRinging,
        Instant tmProgressing,
        Instant tmHangup,
        long durationMs,
        String hangupNote) {

    /** Without a hangup note (older callers). */
    public Call(UUID id, UUID customerId, String asteriskId, String channelId, String bridgeId, UUID flowId,
            UUID activeflowId, Direction direction, Address source, Address destination, CallStatus status,
            HangupBy hangupBy, HangupReason hangupReason, Instant tmCreate, Instant tmRinging, Instant tmProgressing,
            Instant tmHangup, long durationMs) {
        this(id, customerId, asteriskId, channelId, bridgeId, flowId, activeflowId, direction, source, destination,
                status, hangupBy, hangupReason, tmCreate, tmRinging, tmProgressing, tmHangup, durationMs, null);
    }

    public enum Direction { INCOMING, OUTGOING }

    public enum HangupBy { LOCAL, REMOTE }

    public enum HangupReason { NORMAL, FAILED, BUSY, CANCEL, TIMEOUT, NOANSWER, DIALOUT, AMD }
}
