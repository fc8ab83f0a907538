package net.voipbin.contract.callmanager;

import java.time.Instant;
import java.util.UUID;

/**
 * A transfer as {@code transfer_*} events carry it: the transferee is connected to the target (a new
 * outbound call), the transferor (the other party of the transferee's bridge, a call or a media channel)
 * dropped. Attended transfers consult the target first and wait for complete or cancel.
 * <p>
 * {@code flow_id} (null when the request named none): the flow the transferee call runs once the transfer
 * completes; {@code activeflow_id} is that run's id, chosen when the transfer is created, so the call can be
 * linked to it at completion and a redelivered {@code transfer_completed} starts nothing twice.
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
        Instant tmUpdate,
        UUID flowId,
        UUID activeflowId) {

    /** A transfer with no flow after it. */
    public Transfer(UUID id, UUID customerId, CallRequests.Transfer.TransferType type, UUID transfereeCallId,
            UUID transferorCallId, UUID targetCallId, Address destination, Status status, String reason,
            Instant tmCreate, Instant tmUpdate) {
        this(id, customerId, type, transfereeCallId, transferorCallId, targetCallId, destination, status, reason,
                tmCreate, tmUpdate, null, null);
    }

    /** dialing → (consulting →) completed | failed | canceled. */
    public enum Status { DIALING, CONSULTING, COMPLETED, FAILED, CANCELED }
}
