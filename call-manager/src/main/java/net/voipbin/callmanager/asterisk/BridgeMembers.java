package net.voipbin.callmanager.asterisk;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import net.voipbin.rpc.error.ApiException;

/**
 * Who is in a bridge, as Asterisk says. The mirror of bridge membership ({@code bridge_id} of channels and calls)
 * follows the ARI events, each handled on its channel's lane, so it lags behind Asterisk for a channel whose lane
 * is busy: above all a transfer's target, which the completion (running on the target's own lane) adds to the
 * caller's bridge, and whose {@code ChannelEnteredBridge} is handled only once that completion is done; or a
 * transferor put back with the caller when a transfer fails. Meanwhile the mirror shows the caller alone, or the
 * bridge empty. So what ends a call or destroys a bridge because of who is in it is decided on Asterisk's word;
 * the mirror's stands only when Asterisk cannot be asked.
 */
@Component
public class BridgeMembers {

    private static final Logger log = LoggerFactory.getLogger(BridgeMembers.class);

    private final AriCommands ari;
    private final ChannelRepository mirror;

    BridgeMembers(AriCommands ari, ChannelRepository mirror) {
        this.ari = ari;
        this.mirror = mirror;
    }

    /** The channels in the bridge now (none once it is gone); empty when Asterisk could not be asked. */
    public Optional<List<String>> channels(String asteriskId, String bridgeId) {
        if (asteriskId == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ari.bridgeChannels(asteriskId, bridgeId).orElse(List.of()));
        } catch (ApiException e) {
            log.warn("bridge {}: Asterisk could not say who is in it, going by the mirror: {}", bridgeId, e.getMessage());
            return Optional.empty();
        }
    }

    /** Whether a channel other than {@code channelId} is in the bridge. */
    public boolean othersThan(String asteriskId, String bridgeId, String channelId) {
        return channels(asteriskId, bridgeId).map(ids -> ids.stream().anyMatch(id -> !id.equals(channelId)))
                .orElseGet(() -> mirror.othersInBridge(bridgeId, channelId));
    }

    /**
     * Whether the bridge is there with nobody in it, so destroying it is right: false while a channel whose entry
     * is not handled yet is in it (it destroys the bridge when it leaves) or once the bridge is gone; true when
     * Asterisk could not be asked (the mirror found it empty).
     */
    public boolean empty(String asteriskId, String bridgeId) {
        try {
            return ari.bridgeChannels(asteriskId, bridgeId).map(List::isEmpty).orElse(false);
        } catch (ApiException e) {
            log.warn("bridge {}: Asterisk could not say who is in it, going by the mirror: {}", bridgeId, e.getMessage());
            return true;
        }
    }
}
