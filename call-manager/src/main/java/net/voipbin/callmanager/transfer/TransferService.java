package net.voipbin.callmanager.transfer;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.callmanager.asterisk.BridgeMembers;
import net.voipbin.callmanager.asterisk.ChannelRepository;
import net.voipbin.callmanager.call.CallHolder;
import net.voipbin.callmanager.call.CallLifecycle;
import net.voipbin.callmanager.call.CallRepository;
import net.voipbin.callmanager.call.CallRow;
import net.voipbin.callmanager.call.CallService;
import net.voipbin.callmanager.call.OutboundDialer;
import net.voipbin.callmanager.operation.OperationEvents;
import net.voipbin.contract.callmanager.Address;
import net.voipbin.contract.callmanager.Call.Direction;
import net.voipbin.contract.callmanager.Call.HangupReason;
import net.voipbin.contract.callmanager.CallManagerEvents;
import net.voipbin.contract.callmanager.CallRequests.Transfer.TransferType;
import net.voipbin.contract.callmanager.CallStatus;
import net.voipbin.contract.callmanager.Transfer;
import net.voipbin.contract.callmanager.Transfer.Status;
import net.voipbin.contract.flowmanager.Action;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.event.EventPublisher;

/**
 * Transfers of an answered call (the transferee) to a destination. The transferor is whoever shares the
 * transferee's bridge (another call, or a media channel such as an AI session), possibly nobody. A new
 * outbound leg dials the target; blind: when it answers, transferee and target are bridged and the
 * transferor dropped; attended: the transferee is held while the transferor consults the target, then
 * complete or cancel. A target that is busy or does not answer leaves the transferee with the transferor.
 * Completed, the transferee's flow no longer controls it (its link is cleared); a transfer that names a flow
 * moves the call on to it (the call is linked to the new activeflow here, flow-manager starts it on
 * {@code transfer_completed}).
 */
@Service
public class TransferService implements CallHolder {

    private static final Logger log = LoggerFactory.getLogger(TransferService.class);

    private final TransferRepository transfers;
    private final CallRepository callRows;
    private final CallService calls;
    private final ChannelRepository channels;
    private final OutboundDialer dialer;
    private final TransferBridging bridging;
    private final EventPublisher events;
    private final TransactionTemplate tx;
    private final TransferFlows flows;
    private final CallLifecycle lifecycle;
    private final OperationEvents operations;
    private final BridgeMembers members;

    TransferService(TransferRepository transfers, CallRepository callRows, CallService calls, ChannelRepository channels,
            OutboundDialer dialer, TransferBridging bridging, EventPublisher events, TransactionTemplate tx,
            TransferFlows flows, CallLifecycle lifecycle, OperationEvents operations, BridgeMembers members) {
        this.members = members;
        this.operations = operations;
        this.flows = flows;
        this.lifecycle = lifecycle;
        this.transfers = transfers;
        this.callRows = callRows;
        this.calls = calls;
        this.channels = channels;
        this.dialer = dialer;
        this.bridging = bridging;
        this.events = events;
        this.tx = tx;
    }

    public Transfer start(UUID transfereeId, TransferType type, Address destination) {
        return start(transfereeId, type, destination, null, null);
    }

    /**
     * Starts a transfer; with {@code flowId} or inline {@code actions} the transferee runs that flow once the
     * transfer completes (checked here, before the target is dialed: {@code 400 flow_id} when the customer
     * has no such flow), as an activeflow whose id is chosen now.
     */
    public Transfer start(UUID transfereeId, TransferType type, Address destination, UUID flowId,
            List<Action> actions) {
        CallRow transferee = calls.live(transfereeId);
        if (transferee.status() != CallStatus.PROGRESSING) {
            throw ApiException.conflict("call_not_answered", "only an answered call can be transferred");
        }
        UUID nextFlow = flows.resolve(transferee.customerId(), flowId, actions);
        UUID targetId = UUID.randomUUID();
        TransferRow row = transferorOf(transferee, new TransferRow(UUID.randomUUID(), transferee.customerId(), type,
                transferee.id(), null, null, targetId, destination, Status.DIALING, transferee.bridgeId(), null, null,
                null, null, nextFlow, nextFlow == null ? null : UUID.randomUUID()));
        TransferRow created = tx.execute(s -> {
            TransferRow inserted = transfers.insert(row);
            events.publish(CallManagerEvents.TRANSFER_CREATED, inserted.toTransfer());
            return inserted;
        });
        if (type == TransferType.ATTENDED) {
            bridging.hold(transferee);
        }
        Address callerId = transferee.direction() == Direction.INCOMING ? transferee.source() : transferee.destination();
        dialer.dialOne(targetId, transferee.customerId(), callerId, destination, null, dialer.defaultDialTimeout());
        log.info("transfer {} ({}) of call {} to {} dialing call {}", created.id(), type, transfereeId,
                destination.target(), targetId);
        return transfers.find(created.id()).orElseThrow().toTransfer();
    }

    /** The transferor: another live call in the transferee's bridge, else a media channel in it. */
    private TransferRow transferorOf(CallRow transferee, TransferRow row) {
        if (transferee.bridgeId() == null) {
            return row;
        }
        List<CallRow> others = callRows.liveInBridge(transferee.bridgeId()).stream()
                .filter(c -> !c.id().equals(transferee.id())).toList();
        UUID transferorCall = others.isEmpty() ? null : others.getFirst().id();
        String transferorChannel = others.isEmpty()
                ? channels.liveMediaInBridge(transferee.bridgeId()).stream().findFirst().orElse(null)
                : others.getFirst().channelId();
        return new TransferRow(row.id(), row.customerId(), row.type(), row.transfereeCallId(), transferorCall,
                transferorChannel, row.targetCallId(), row.destination(), row.status(), row.bridgeId(), null, null,
                null, null, row.flowId(), row.activeflowId());
    }

    /** A call in a transfer still dialing or consulting is the transfer's, whatever its flow does. */
    @Override
    public boolean holds(UUID callId) {
        return transfers.openFor(callId).isPresent();
    }

    public Transfer get(UUID id) {
        return transfers.find(id).orElseThrow(() -> ApiException.notFound("transfer " + id)).toTransfer();
    }

    /** A target leg answered: true when it belongs to an open transfer (which then connects or consults). */
    public boolean targetAnswered(CallRow target) {
        Optional<TransferRow> open = transfers.openFor(target.id()).filter(t -> target.id().equals(t.targetCallId()));
        if (open.isEmpty()) {
            return false;
        }
        TransferRow t = open.get();
        if (t.type() == TransferType.BLIND) {
            finish(t.id(), Status.COMPLETED, null, target);
        } else {
            String consult = bridging.consult(t, target);
            TransferRow consulting = tx.execute(s -> transfers.update(t.with(Status.CONSULTING, null, consult)));
            log.info("transfer {} consulting in bridge {}", consulting.id(), consult);
        }
        return true;
    }

    /** Attended transfer: the transferor agreed; transferee and target are connected. */
    public Transfer complete(UUID id) {
        TransferRow t = transfers.find(id).orElseThrow(() -> ApiException.notFound("transfer " + id));
        if (t.status() != Status.CONSULTING) {
            throw ApiException.conflict("transfer_not_consulting", "transfer " + id + " is " + t.status());
        }
        return finish(id, Status.COMPLETED, null, calls.get(t.targetCallId()));
    }

    public Transfer cancel(UUID id) {
        TransferRow t = transfers.find(id).orElseThrow(() -> ApiException.notFound("transfer " + id));
        Transfer canceled = finish(id, Status.CANCELED, "canceled", null);
        calls.hangup(t.targetCallId(), HangupReason.CANCEL, "transfer_canceled");
        return canceled;
    }

    /**
     * A call ended: an open transfer it was part of fails (target gone, or transferee gone). A transfer
     * already claimed by its completion is not open any more: the completion sees the hangup itself.
     */
    public void callHungUp(CallRow call) {
        // finish() locks the transfer and re-checks that it is open, so this look needs no lock of its own.
        Optional<TransferRow> open = transfers.openFor(call.id());
        open.ifPresent(t -> {
            String reason = hangupReason(t, call);
            finish(t.id(), Status.FAILED, reason, null);
            afterFailure(t, reason);
        });
    }

    private static String hangupReason(TransferRow t, CallRow gone) {
        return gone.id().equals(t.targetCallId()) ? "target_" + (gone.hangupReason() == null ? "hangup"
                : gone.hangupReason().name().toLowerCase()) : "transferee_hungup";
    }

    /**
     * The transferee gone, the target leg is not left ringing or talking to nobody. The target gone, a transferee
     * that runs no flow any more (its flow ended while the transfer dialed) and talks with nobody is hung up
     * ({@code transfer_failed}) rather than left in silence; one whose flow still runs goes on with it.
     */
    private void afterFailure(TransferRow t, String reason) {
        if ("transferee_hungup".equals(reason)) {
            calls.hangup(t.targetCallId(), HangupReason.NORMAL, "transferee_hungup");
            return;
        }
        callRows.find(t.transfereeCallId())
                .filter(c -> c.isLive() && c.activeflowId() == null)
                // Asterisk's word: the transferor just put back with it may not be in the mirror yet.
                .filter(c -> c.bridgeId() == null || !members.othersThan(c.asteriskId(), c.bridgeId(), c.channelId()))
                .ifPresent(c -> {
                    log.info("transfer {} failed ({}): call {} runs no flow and talks with nobody, hanging up",
                            t.id(), reason, c.id());
                    calls.hangup(c.id(), HangupReason.NORMAL, "transfer_failed");
                });
    }

    /**
     * Claims the open transfer for its end (under its lock: one end wins, and only it publishes a
     * terminal event), then carries it out.
     */
    private Transfer finish(UUID id, Status status, String reason, CallRow target) {
        Optional<TransferRow> claimed = tx.execute(s -> transfers.lock(id).filter(TransferRow::isOpen)
                .map(t -> transfers.update(t.with(status, reason, t.consultBridgeId()))));
        if (claimed.isEmpty()) {
            return get(id);
        }
        TransferRow t = claimed.get();
        CallRow transferee = callRows.find(t.transfereeCallId()).orElseThrow();
        if (status == Status.COMPLETED) {
            Optional<TransferRow> failed = connectOrFail(t, transferee, target);
            if (failed.isPresent()) {
                return failed.get().toTransfer();
            }
        } else {
            bridging.restore(t, transferee);
        }
        if (status == Status.COMPLETED) {
            // Before flow-manager hears of the completion (and ends the old flow, starting the new one if any) the
            // call names its next activeflow, or none: the old flow's end no longer concerns the call (it would
            // otherwise race the bridge events and could hang up a call that is talking with the target), and
            // with no flow the call is hung up as a lone peer when the target leaves, not left in silence.
            tx.execute(s -> {
                if (t.movesOn()) {
                    lifecycle.moveOn(t.transfereeCallId(), t.flowId(), t.activeflowId());
                } else {
                    lifecycle.linkActiveflow(t.transfereeCallId(), null);
                }
                events.publish(CallManagerEvents.TRANSFER_COMPLETED, t.toTransfer());
                return null;
            });
            // The old flow's prompt (music while the target rang, a menu) must not play into the conversation.
            operations.abandon(transferee);
        } else {
            events.publish(status == Status.COMPLETED ? CallManagerEvents.TRANSFER_COMPLETED
                    : CallManagerEvents.TRANSFER_FAILED, t.toTransfer());
        }
        log.info("transfer {} {} {}", id, status, reason == null ? "" : reason);
        return t.toTransfer();
    }

    /**
     * Completing races a hangup of either party: the hangup finds the transfer claimed (not open) and
     * leaves it to this. So once the target has joined the transferee (or failed to, because one of them is
     * gone) both are looked at again: a party that hung up meanwhile fails the transfer as its hangup
     * would have (the one terminal event is then {@code transfer_failed}); otherwise the transferor is
     * dropped and the transfer stands completed. A hangup after that look ends a completed transfer's call.
     */
    private Optional<TransferRow> connectOrFail(TransferRow t, CallRow transferee, CallRow target) {
        Optional<CallRow> gone;
        try {
            bridging.join(t, transferee, target);
            gone = goneParty(t);
        } catch (ApiException e) {
            gone = goneParty(t);
            if (gone.isEmpty()) {
                throw e;
            }
        }
        if (gone.isEmpty()) {
            bridging.handOver(t, transferee, target);
            return Optional.empty();
        }
        String reason = hangupReason(t, gone.get());
        TransferRow failed = tx.execute(s -> {
            TransferRow row = transfers.update(t.with(Status.FAILED, reason, t.consultBridgeId()));
            events.publish(CallManagerEvents.TRANSFER_FAILED, row.toTransfer());
            return row;
        });
        log.info("transfer {} FAILED {}: a party hung up while it completed", t.id(), reason);
        bridging.restore(failed, callRows.find(t.transfereeCallId()).orElseThrow());
        afterFailure(failed, reason);
        return Optional.of(failed);
    }

    /** The transferee if it hung up, else the target if it did (as Asterisk says: the rows may not know yet). */
    private Optional<CallRow> goneParty(TransferRow t) {
        return callRows.find(t.transfereeCallId()).filter(bridging::hungUp)
                .or(() -> callRows.find(t.targetCallId()).filter(bridging::hungUp));
    }
}
