package net.voipbin.callmanager.transfer;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import net.voipbin.callmanager.asterisk.AriCommands;
import net.voipbin.callmanager.call.CallRow;
import net.voipbin.callmanager.call.CallService;
import net.voipbin.contract.callmanager.Call.HangupReason;
import net.voipbin.contract.callmanager.CallRequests.Transfer.TransferType;
import net.voipbin.rpc.error.ApiException;

/** The ARI moves of a transfer: consult bridge, final bridge, dropping the transferor, restoring on failure. */
@Component
class TransferBridging {

    private static final Logger log = LoggerFactory.getLogger(TransferBridging.class);

    private final AriCommands ari;
    private final CallService calls;

    TransferBridging(AriCommands ari, CallService calls) {
        this.ari = ari;
        this.calls = calls;
    }

    /** Attended: the transferor talks with the target in a bridge of their own; returns its id. */
    String consult(TransferRow t, CallRow target) {
        String consultBridge = UUID.randomUUID().toString();
        ari.createBridge(target.asteriskId(), consultBridge, "consult-" + t.id());
        ari.addToBridge(target.asteriskId(), consultBridge, target.channelId());
        if (t.transferorChannelId() != null) {
            ari.addToBridge(target.asteriskId(), consultBridge, t.transferorChannelId());
        }
        return consultBridge;
    }

    /** Completing, first step: the target joins the transferee's bridge (made if the transferee had none). */
    void join(TransferRow t, CallRow transferee, CallRow target) {
        String bridge = t.bridgeId();
        if (bridge == null) {
            bridge = UUID.randomUUID().toString();
            ari.createBridge(transferee.asteriskId(), bridge, "transfer-" + t.id());
            ari.addToBridge(transferee.asteriskId(), bridge, transferee.channelId());
        }
        ari.addToBridge(target.asteriskId(), bridge, target.channelId());
    }

    /** Completing, once both are known to be there: the transferee unheld, the transferor dropped, the consult bridge gone. */
    void handOver(TransferRow t, CallRow transferee, CallRow target) {
        if (t.type() == TransferType.ATTENDED) {
            unhold(transferee);
        }
        dropTransferor(t, transferee.asteriskId());
        destroyConsult(t, target.asteriskId());
    }

    /**
     * Whether the party has hung up as far as Asterisk knows: its call row learns of it only when its lane handles
     * the hangup, which may wait behind this very completion (a blind transfer completes on the target's lane, and
     * the transferee's channel may share it). When Asterisk cannot be asked, the row's word stands.
     */
    boolean hungUp(CallRow party) {
        if (!party.isLive()) {
            return true;
        }
        try {
            return party.asteriskId() != null && !ari.channelExists(party.asteriskId(), party.channelId());
        } catch (ApiException e) {
            log.info("call {}: Asterisk could not say whether its channel is up: {}", party.id(), e.getMessage());
            return false;
        }
    }

    /** Target busy, unanswered, canceled: the transferee is back with the transferor. */
    void restore(TransferRow t, CallRow transferee) {
        if (t.type() != TransferType.ATTENDED || transferee == null || !transferee.isLive()) {
            return;
        }
        unhold(transferee);
        if (t.consultBridgeId() != null && t.bridgeId() != null && t.transferorChannelId() != null) {
            quietly(() -> ari.addToBridge(transferee.asteriskId(), t.bridgeId(), t.transferorChannelId()));
        }
        destroyConsult(t, transferee.asteriskId());
    }

    /** Attended: the transferee waits, on hold (the far end is told) and hearing music, not silence. */
    void hold(CallRow transferee) {
        ari.send(transferee.asteriskId(), "POST", "/channels/" + transferee.channelId() + "/hold", AriCommands.query());
        quietly(() -> ari.send(transferee.asteriskId(), "POST", "/channels/" + transferee.channelId() + "/moh",
                AriCommands.query()));
    }

    private void unhold(CallRow transferee) {
        quietly(() -> ari.send(transferee.asteriskId(), "DELETE", "/channels/" + transferee.channelId() + "/moh",
                AriCommands.query()));
        quietly(() -> ari.send(transferee.asteriskId(), "DELETE", "/channels/" + transferee.channelId() + "/hold",
                AriCommands.query()));
    }

    private void dropTransferor(TransferRow t, String asteriskId) {
        if (t.transferorCallId() != null) {
            quietly(() -> calls.hangup(t.transferorCallId(), HangupReason.NORMAL, "transferred"));
        } else if (t.transferorChannelId() != null) {
            quietly(() -> ari.hangup(asteriskId, t.transferorChannelId(), "normal"));
        }
    }

    private void destroyConsult(TransferRow t, String asteriskId) {
        if (t.consultBridgeId() != null) {
            quietly(() -> ari.destroyBridge(asteriskId, t.consultBridgeId()));
        }
    }

    /** Clean-up steps: a party that is already gone is not an error. */
    private static void quietly(Runnable step) {
        try {
            step.run();
        } catch (ApiException e) {
            log.info("transfer step skipped: {}", e.getMessage());
        }
    }
}
