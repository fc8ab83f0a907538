package net.voipbin.callmanager.ari;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.callmanager.asterisk.AriCommands;
import net.voipbin.callmanager.asterisk.BridgeMembers;
import net.voipbin.callmanager.asterisk.ChannelRepository;
import net.voipbin.callmanager.call.CallHolder;
import net.voipbin.callmanager.call.CallLifecycle;
import net.voipbin.callmanager.call.CallRepository;
import net.voipbin.callmanager.call.CallRow;
import net.voipbin.callmanager.call.CallService;
import net.voipbin.callmanager.confbridge.ConfbridgeService;
import net.voipbin.contract.callmanager.Call.HangupReason;
import net.voipbin.contract.callmanager.CallStatus;
import net.voipbin.rpc.error.ApiException;

/**
 * Bridge membership: the channel mirror, the call's {@code bridge_id} and the confbridge rooms. When an
 * ending call leaves a two-party bridge (transfer, connect, a {@code connect} confbridge; not a conference),
 * the party left alone is hung up if it
 * runs no flow of its own: such a leg exists only to talk to the one who left. A party with a flow goes on
 * with it (flow-manager's connect continues after the peer hangs up). A bridge of ours is destroyed when
 * its last channel leaves. Who is left is asked of Asterisk ({@link BridgeMembers}): the mirror can lag behind it.
 */
@Component
class BridgeEventHandler {

    private static final Logger log = LoggerFactory.getLogger(BridgeEventHandler.class);

    private final ChannelRepository channels;
    private final CallRepository calls;
    private final CallLifecycle lifecycle;
    private final ConfbridgeService confbridges;
    private final CallService callService;
    private final AriCommands ari;
    private final List<CallHolder> holders;
    private final TransactionTemplate tx;
    private final BridgeMembers members;

    BridgeEventHandler(ChannelRepository channels, CallRepository calls, CallLifecycle lifecycle,
            ConfbridgeService confbridges, CallService callService, AriCommands ari, List<CallHolder> holders,
            TransactionTemplate tx, BridgeMembers members) {
        this.members = members;
        this.holders = holders;
        this.tx = tx;
        this.callService = callService;
        this.ari = ari;
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

    void left(String asteriskId, AriChannel channel, String bridgeId) {
        // Out of the mirror first, under the bridge's lock: of channels leaving at once, exactly one is the last
        // out, and only that one destroys the bridge (a second DELETE would only be refused).
        boolean lastOut = Boolean.TRUE.equals(tx.execute(s -> channels.leaveBridge(channel.id(), bridgeId)));
        calls.findByChannel(channel.id()).filter(call -> bridgeId.equals(call.bridgeId())).ifPresent(call -> {
            lifecycle.bridged(channel.id(), null);
            boolean ending = ending(call);
            confbridges.left(bridgeId, call.id(), ending ? "hangup" : "kick");
            // A party of an open transfer (its target hanging up during the consult) is the transfer's to end:
            // it puts the transferor back with the transferee, who must not be hung up as alone meanwhile.
            if (ending && !confbridges.isConference(bridgeId) && holders.stream().noneMatch(h -> h.holds(call.id()))) {
                hangupLonePeer(asteriskId, bridgeId, call);
            }
        });
        if (lastOut) {
            destroyIfEmpty(asteriskId, bridgeId);
        }
    }

    /**
     * A bridge we made for calls (connect's {@code call-<id>}, a transfer's, a consult) is gone with its
     * last channel, as Asterisk would keep it forever. A conference room's too, but the room lives on until
     * it is deleted (the next join makes a new bridge); other confbridges keep theirs until deleted.
     */
    private void destroyIfEmpty(String asteriskId, String bridgeId) {
        if (asteriskId == null || channels.anyInBridge(bridgeId)) {
            return;
        }
        if (!members.empty(asteriskId, bridgeId)) {
            // Last out as far as the mirror knows, but a channel whose entry is not handled yet is still in it (or
            // the bridge is gone already): that channel destroys it when it leaves.
            log.info("bridge {} not destroyed: its last known channel left, but at Asterisk it holds another or is gone",
                    bridgeId);
            return;
        }
        if (confbridges.emptied(asteriskId, bridgeId)) {
            return;
        }
        try {
            ari.destroyBridge(asteriskId, bridgeId);
            log.info("bridge {} destroyed: its last channel left", bridgeId);
        } catch (ApiException e) {
            // Already gone (destroyed by whoever made it).
            log.debug("bridge {} not destroyed: {}", bridgeId, e.getMessage());
        }
    }

    private boolean ending(CallRow call) {
        return call.status() == CallStatus.TERMINATING || call.status() == CallStatus.CANCELING || !call.isLive()
                || channels.hangupCause(call.channelId()).isPresent();
    }

    private void hangupLonePeer(String asteriskId, String bridgeId, CallRow leaving) {
        Optional<CallRow> alone = loneParty(asteriskId, bridgeId, leaving).filter(c -> c.activeflowId() == null)
                .filter(c -> holders.stream().noneMatch(h -> h.holds(c.id())));
        alone.ifPresent(peer -> {
            log.info("call {} left bridge {}: its peer {} runs no flow and is hung up", leaving.id(), bridgeId, peer.id());
            try {
                callService.hangup(peer.id(), HangupReason.NORMAL, "peer_hungup");
            } catch (RuntimeException e) {
                log.warn("call {}: peer hangup failed: {}", peer.id(), e.getMessage());
            }
        });
    }

    /**
     * The one live call left in the bridge, if nothing else is (no other call, no media channel): as Asterisk has
     * it, since a party just added (a transfer's target) may not be in the mirror yet; as the mirror has it when
     * Asterisk cannot be asked.
     */
    private Optional<CallRow> loneParty(String asteriskId, String bridgeId, CallRow leaving) {
        Optional<List<String>> atAsterisk = members.channels(asteriskId, bridgeId);
        if (atAsterisk.isPresent()) {
            List<String> there = atAsterisk.get();
            return there.size() == 1 ? calls.findByChannel(there.getFirst()).filter(CallRow::isLive)
                    .filter(c -> !c.id().equals(leaving.id())) : Optional.empty();
        }
        List<CallRow> rest = calls.liveInBridge(bridgeId).stream().filter(c -> !c.id().equals(leaving.id())).toList();
        return rest.size() == 1 && channels.liveMediaInBridge(bridgeId).isEmpty() ? Optional.of(rest.getFirst())
                : Optional.empty();
    }

    void destroyed(String bridgeId) {
        confbridges.bridgeDestroyed(bridgeId);
    }
}
