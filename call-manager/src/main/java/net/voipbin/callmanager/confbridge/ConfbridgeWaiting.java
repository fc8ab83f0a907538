package net.voipbin.callmanager.confbridge;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import net.voipbin.callmanager.asterisk.AriCommands;
import net.voipbin.callmanager.call.CallRow;
import net.voipbin.callmanager.call.CallRepository;
import net.voipbin.contract.callmanager.Confbridge;
import net.voipbin.rpc.error.ApiException;

/**
 * Members waiting for a moderator, as Asterisk's ConfBridge keeps its "waitmarked" users: in the room's holding
 * bridge (ARI bridge type {@code holding}), where each hears music on hold and nobody hears anybody else, until
 * they are admitted into the mixing bridge; and sent back there (the last moderator left). Moving between the
 * room's two bridges is no leave and no join: the member is marked moving first, and the room's membership and
 * its {@code confbridge_*} events do not change.
 */
@Service
class ConfbridgeWaiting {

    private static final Logger log = LoggerFactory.getLogger(ConfbridgeWaiting.class);

    private final ConfbridgeRepository confbridges;
    private final CallRepository calls;
    private final AriCommands ari;

    ConfbridgeWaiting(ConfbridgeRepository confbridges, CallRepository calls, AriCommands ari) {
        this.confbridges = confbridges;
        this.calls = calls;
        this.ari = ari;
    }

    /**
     * The room's holding bridge on its Asterisk, made (with its music on hold) by the first who waits. It is
     * created before it is claimed, so no one is ever added to a bridge not made yet; a creator who lost the
     * claim to another destroys its own.
     */
    String holdingBridge(UUID id, String asteriskId) {
        return confbridges.holdingBridge(id).orElseGet(() -> {
            String fresh = UUID.randomUUID().toString();
            ari.send(asteriskId, "POST", "/bridges/" + fresh, AriCommands.query("type", "holding", "name",
                    "confbridge-" + id + "-waiting"));
            if (!confbridges.claimHolding(id, fresh)) {
                destroy(asteriskId, fresh);
                return confbridges.holdingBridge(id)
                        .orElseThrow(() -> ApiException.conflict("confbridge_terminated", "confbridge " + id + " ended"));
            }
            ari.send(asteriskId, "POST", "/bridges/" + fresh + "/moh", AriCommands.query("mohClass", "default"));
            log.info("confbridge {}: holding bridge {} made", id, fresh);
            return fresh;
        });
    }

    /** Every waiting member into the mixing bridge. */
    void admit(Confbridge room) {
        confbridges.holdingBridge(room.id()).ifPresent(holding ->
                move(room, calls.liveInBridge(holding), room.bridgeId(), "admitted"));
    }

    /** Every member in the mixing bridge back to waiting. */
    void sendToWaiting(Confbridge room) {
        List<CallRow> mixing = calls.liveInBridge(room.bridgeId());
        if (room.asteriskId() != null && !mixing.isEmpty()) {
            move(room, mixing, holdingBridge(room.id(), room.asteriskId()), "sent back to waiting");
        }
    }

    private void move(Confbridge room, List<CallRow> members, String to, String what) {
        for (CallRow call : members) {
            confbridges.moving(room.id(), call.id(), true);
            try {
                ari.addToBridge(call.asteriskId(), to, call.channelId());
                log.info("confbridge {}: call {} {}", room.id(), call.id(), what);
            } catch (ApiException e) {
                // Hung up meanwhile: its hangup takes it out of the room.
                confbridges.moving(room.id(), call.id(), false);
                log.info("confbridge {}: call {} not {} ({})", room.id(), call.id(), what, e.getMessage());
            }
        }
    }

    void destroy(String asteriskId, String bridgeId) {
        try {
            ari.destroyBridge(asteriskId, bridgeId);
        } catch (ApiException e) {
            log.debug("bridge {} not destroyed: {}", bridgeId, e.getMessage());
        }
    }
}
