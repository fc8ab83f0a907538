package net.voipbin.conferencemanager.conference;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import net.voipbin.contract.callmanager.CallManagerClient;
import net.voipbin.contract.callmanager.Confbridge;
import net.voipbin.contract.callmanager.ConfbridgeClient;
import net.voipbin.contract.callmanager.ConfbridgeRequests;
import net.voipbin.contract.conferencemanager.Conference;
import net.voipbin.rpc.error.ApiException;

/**
 * call-manager's side of a conference: its confbridge (the mixing bridge) and the calls' mute. Commands whose
 * failure changes nothing for us (a kick of a call already gone, deleting a bridge already destroyed) are
 * logged and swallowed: the confbridge and call events that follow settle the state either way.
 */
@Component
class Bridges {

    private static final Logger log = LoggerFactory.getLogger(Bridges.class);

    private final ConfbridgeClient confbridges;
    private final CallManagerClient calls;

    Bridges(ConfbridgeClient confbridges, CallManagerClient calls) {
        this.confbridges = confbridges;
        this.calls = calls;
    }

    UUID create(UUID customerId, Conference.Type type, UUID conferenceId) {
        Confbridge.Type bridgeType = type == Conference.Type.CONNECT ? Confbridge.Type.CONNECT : Confbridge.Type.CONFERENCE;
        return confbridges.create(new ConfbridgeRequests.Create(customerId, bridgeType, conferenceId)).id();
    }

    /**
     * {@code waiting}: into the room's holding bridge, hearing music on hold and nobody else until admitted.
     * Throws the refusal (the call hung up, another customer's call, the room gone).
     */
    void join(UUID confbridgeId, UUID callId, UUID participantId, boolean waiting) {
        confbridges.join(confbridgeId, callId, participantId, waiting);
    }

    void kick(UUID confbridgeId, UUID callId) {
        try {
            confbridges.kick(confbridgeId, callId);
        } catch (ApiException e) {
            log.info("confbridge {}: kick of call {} refused ({} {}), its hangup settles it", confbridgeId, callId,
                    e.status(), e.getMessage());
        }
    }

    void delete(UUID confbridgeId) {
        try {
            confbridges.delete(confbridgeId);
        } catch (ApiException e) {
            log.info("confbridge {}: delete refused ({} {})", confbridgeId, e.status(), e.getMessage());
        }
    }

    void mute(UUID callId, boolean muted) {
        if (muted) {
            calls.mute(callId, "in");
        } else {
            calls.toggle(callId, "unmute");
        }
    }
}
