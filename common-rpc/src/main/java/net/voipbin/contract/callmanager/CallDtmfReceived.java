package net.voipbin.contract.callmanager;

import java.util.UUID;

/** Event data of {@code call_dtmf_received}: one digit, as the caller pressed it. */
public record CallDtmfReceived(UUID callId, UUID customerId, UUID activeflowId, String digit, int durationMs) {
}
