package net.voipbin.contract.callmanager;

import java.time.Instant;
import java.util.UUID;

/**
 * A transfer as {@code transfer_*} events carry it: the transferee is connected to the target (a new
 * outbound call), the transferor (the other party of the transferee's bridge, a call or a media channel)
 * dropped. Attended transfers consult the target first and wait for complete or cancel.
 */
public record Transfer(
        UUID id,
        UUID customerId,
        CallRequests.Transfer.TransferType type,
        UUID transfereeCallId,
        UUID transferorCallId,
        UUID targetCallId,
        Address destination,
        Status status,
        String reason,
        Instant tmCreate,
        Instant tmUpdate) {

    /** dialing → (consulting →) completed | failed | canceled. */
    public enum Status { DIALING, CONSULTING, COMPLETED, FAILED, CANCELED }
}
