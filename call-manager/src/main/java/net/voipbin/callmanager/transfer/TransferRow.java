package net.voipbin.callmanager.transfer;

import java.time.Instant;
import java.util.UUID;

import net.voipbin.contract.callmanager.Address;
import net.voipbin.contract.callmanager.CallRequests.Transfer.TransferType;
import net.voipbin.contract.callmanager.Transfer;
import net.voipbin.contract.callmanager.Transfer.Status;

/**
 * A transfer as stored: the contract's fields plus the bridges and the transferor's channel. {@code flowId}
 * and {@code activeflowId} (both or neither): the flow the transferee runs once the transfer completes, as
 * that activeflow.
 */
record TransferRow(UUID id, UUID customerId, TransferType type, UUID transfereeCallId, UUID transferorCallId,
        String transferorChannelId, UUID targetCallId, Address destination, Status status, String bridgeId,
        String consultBridgeId, String reason, Instant tmCreate, Instant tmUpdate, UUID flowId, UUID activeflowId) {

    boolean isOpen() {
        return status == Status.DIALING || status == Status.CONSULTING;
    }

    /** Whether the transferee moves on to another flow when this completes. */
    boolean movesOn() {
        return flowId != null && activeflowId != null;
    }

    TransferRow with(Status next, String newReason, String consultBridge) {
        return new TransferRow(id, customerId, type, transfereeCallId, transferorCallId, transferorChannelId,
                targetCallId, destination, next, bridgeId, consultBridge, newReason, tmCreate, tmUpdate, flowId,
                activeflowId);
    }

    Transfer toTransfer() {
        return new Transfer(id, customerId, type, transfereeCallId, transferorCallId, targetCallId, destination, status,
                reason, tmCreate, tmUpdate, flowId, activeflowId);
    }
}
