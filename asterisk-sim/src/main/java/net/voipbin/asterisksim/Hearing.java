package net.voipbin.asterisksim;

import java.util.ArrayList;
import java.util.List;

/**
 * What a channel hears from its bridge, as Asterisk's bridge technologies carry audio: in a mixing bridge every
 * other channel in it, and the bridge's music on hold while it plays; in a holding bridge nobody else (a
 * participant of a holding bridge hears only what is played to the bridge), the bridge's music on hold
 * while it plays. Sources are channel ids and {@code moh:<class>}; a channel in no bridge hears none.
 */
final class Hearing {

    private final World world;

    Hearing(World world) {
        this.world = world;
    }

    List<String> of(String channelId) {
        SimChannel channel = world.channel(channelId);
        List<String> sources = new ArrayList<>();
        SimBridge bridge = channel.bridgeId == null ? null : world.bridges.get(channel.bridgeId);
        if (bridge == null) {
            return sources;
        }
        if (bridge.mixes()) {
            bridge.channels.stream().filter(id -> !id.equals(channelId)).forEach(sources::add);
        }
        if (bridge.mohClass != null) {
            sources.add("moh:" + bridge.mohClass);
        }
        return sources;
    }
}
