package net.voipbin.callmanager.operation;

import java.util.UUID;

import org.springframework.stereotype.Service;

import net.voipbin.callmanager.asterisk.AriCommands;
import net.voipbin.callmanager.call.CallRow;
import net.voipbin.callmanager.call.CallService;
import net.voipbin.rpc.error.ApiException;

/** Puts calls (and media channels) together: the call's bridge, created with the call in it when it has none. */
@Service
public class CallBridges {

    private final CallService calls;
    private final AriCommands ari;

    CallBridges(CallService calls, AriCommands ari) {
        this.calls = calls;
        this.ari = ari;
    }

    /** The bridge the call is in, or a new mixing bridge holding it. */
    public String bridgeOf(CallRow call) {
        if (call.bridgeId() != null) {
            return call.bridgeId();
        }
        String bridgeId = UUID.randomUUID().toString();
        ari.createBridge(call.asteriskId(), bridgeId, "call-" + call.id());
        ari.addToBridge(call.asteriskId(), bridgeId, call.channelId());
        return bridgeId;
    }

    /** {@code bridge}: the peer call joins the call's bridge (flow-manager's connect). */
    public CallRow connect(UUID callId, UUID peerCallId) {
        CallRow call = calls.live(callId);
        CallRow peer = calls.live(peerCallId);
        if (call.isUnrouted() || !call.customerId().equals(peer.customerId())) {
            throw ApiException.notFound("call " + peerCallId);
        }
        ari.addToBridge(peer.asteriskId(), bridgeOf(call), peer.channelId());
        return call;
    }
}
