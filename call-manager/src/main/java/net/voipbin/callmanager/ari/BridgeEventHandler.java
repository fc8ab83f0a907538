package net.voipbin.callmanager.ari;

import org.springframework.stereotype.Component;

import net.voipbin.callmanager.call.CallLifecycle;
import net.voipbin.callmanager.call.CallRepository;
import net.voipbin.callmanager.confbridge.ConfbridgeService;

/** Bridge membership: the channel mirror, the call's {@code bridge_id} and the confbridge rooms. */
@Component
class BridgeEventHandler {

    private final ChannelRepository channels;
    private final CallRepository calls;
    private final CallLifecycle lifecycle;
    private final ConfbridgeService confbridges;

    BridgeEventHandler(ChannelRepository channels, CallRepository calls, CallLifecycle lifecycle,
            ConfbridgeService confbridges) {
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
            confbridges.left(bridgeId, call.id(), call.isLive() ? "kick" : "hangup");
        });
    }

    void destroyed(String bridgeId) {
        confbridges.bridgeDestroyed(bridgeId);
    }
}
