package net.voipbin.callmanager.ari;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import net.voipbin.callmanager.call.CallLifecycle;
import net.voipbin.callmanager.call.CallRepository;
import net.voipbin.callmanager.call.CallRow;
import net.voipbin.callmanager.call.CallService;
import net.voipbin.callmanager.confbridge.ConfbridgeService;
import net.voipbin.contract.callmanager.Call.HangupReason;
import net.voipbin.contract.callmanager.CallStatus;

/**
 * Bridge membership: the channel mirror, the call's {@code bridge_id} and the confbridge rooms. When an
 * ending call leaves a two-party bridge (transfer, connect, a {@code connect} confbridge; not a conference),
 * the party left alone is hung up if it
 * runs no flow of its own: such a leg exists only to talk to the one who left. A party with a flow goes on
 * with it (flow-manager's connect continues after the peer hangs up).
 */
@Component
class BridgeEventHandler {

    private static final Logger log = LoggerFactory.getLogger(BridgeEventHandler.class);

    private final ChannelRepository channels;
    private final CallRepository calls;
    private final CallLifecycle lifecycle;
    private final ConfbridgeService confbridges;
    private final CallService callService;

    BridgeEventHandler(ChannelRepository channels, CallRepository calls, CallLifecycle lifecycle,
            ConfbridgeService confbridges, CallService callService) {
        this.callService = callService;
        this.channels = channels;
        this.calls = calls;
        this.lifecycle = lifecycle;
        this.confbridges = confbridges;
    }

    void entered(AriChannel channel, String bridgeId) {
        channels.bridge(channel.id(), bridgeId);
        lifecycle.bridged(channel.id(), bridgeId)
                .ifPresent(call -> confbridges.entered(bridgeId, call.id()));
    }

    void left(AriChannel channel, String bridgeId) {
        channels.bridge(channel.id(), null);
        calls.findByChannel(channel.id()).filter(call -> bridgeId.equals(call.bridgeId())).ifPresent(call -> {
            lifecycle.bridged(channel.id(), null);
            boolean ending = ending(call);
            confbridges.left(bridgeId, call.id(), ending ? "hangup" : "kick");
            if (ending && !confbridges.isConference(bridgeId)) {
                hangupLonePeer(bridgeId, call);
            }
        });
    }

    private boolean ending(CallRow call) {
        return call.status() == CallStatus.TERMINATING || call.status() == CallStatus.CANCELING || !call.isLive()
                || channels.hangupCause(call.channelId()).isPresent();
    }

    private void hangupLonePeer(String bridgeId, CallRow leaving) {
        List<CallRow> rest = calls.liveInBridge(bridgeId).stream().filter(c -> !c.id().equals(leaving.id())).toList();
        if (rest.size() == 1 && rest.getFirst().activeflowId() == null && channels.liveMediaInBridge(bridgeId).isEmpty()) {
            CallRow peer = rest.getFirst();
            log.info("call {} left bridge {}: its peer {} runs no flow and is hung up", leaving.id(), bridgeId, peer.id());
            try {
                callService.hangup(peer.id(), HangupReason.NORMAL, "peer_hungup");
            } catch (RuntimeException e) {
                log.warn("call {}: peer hangup failed: {}", peer.id(), e.getMessage());
            }
        }
    }

    void destroyed(String bridgeId) {
        confbridges.bridgeDestroyed(bridgeId);
    }
}
