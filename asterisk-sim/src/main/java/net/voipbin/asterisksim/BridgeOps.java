package net.voipbin.asterisksim;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stasis bridges: create, add/remove channels ({@code ChannelEnteredBridge}/{@code ChannelLeftBridge}),
 * destroy. A media channel whose format this Asterisk cannot translate enters and leaves at once.
 */
final class BridgeOps {

    private final World world;
    private final MediaOps media;
    private final AudioSocketMedia audioSockets;

    BridgeOps(World world, MediaOps media, AudioSocketMedia audioSockets) {
        this.world = world;
        this.media = media;
        this.audioSockets = audioSockets;
    }

    ObjectNode create(String bridgeId, String type, String name) {
        String id = bridgeId == null || bridgeId.isBlank() ? UUID.randomUUID().toString() : bridgeId;
        SimBridge existing = world.bridges.get(id);
        if (existing != null) {
            return existing.toJson();
        }
        String bridgeType = type != null && type.contains("holding") ? "holding" : "mixing";
        SimBridge bridge = new SimBridge(id, name == null ? "" : name, bridgeType, world.clock.instant());
        world.bridges.put(id, bridge);
        return bridge.toJson();
    }

    ObjectNode get(String id) {
        return find(id).toJson();
    }

    ArrayNode list() {
        ArrayNode list = AriJson.MAPPER.createArrayNode();
        world.bridges.values().forEach(bridge -> list.add(bridge.toJson()));
        return list;
    }

    void addChannels(String bridgeId, String channelIds) {
        SimBridge bridge = find(bridgeId);
        for (SimChannel channel : resolve(channelIds)) {
            if (bridge.id.equals(channel.bridgeId)) {
                continue;
            }
            leave(channel);
            bridge.channels.add(channel.id);
            channel.bridgeId = bridge.id;
            world.emit(world.events.bridge("ChannelEnteredBridge", bridge, channel));
            if (!audioSockets.canBridge(channel)) {
                // No translation path between the bridge's audio and the channel's format: Asterisk
                // takes it in and drops it at once; the channel stays Up in Stasis, bridged with nobody.
                leave(channel);
            }
            audioSockets.membershipChanged(bridge);
        }
    }

    void removeChannels(String bridgeId, String channelIds) {
        SimBridge bridge = find(bridgeId);
        List<SimChannel> channels = resolve(channelIds);
        for (SimChannel channel : channels) {
            if (!bridge.id.equals(channel.bridgeId)) {
                throw new AriError(422, "Channel not in this bridge");
            }
        }
        channels.forEach(this::leave);
    }

    void destroy(String bridgeId) {
        SimBridge bridge = find(bridgeId);
        for (String channelId : new ArrayList<>(bridge.channels)) {
            leave(world.channels.get(channelId));
        }
        media.endAllFor("bridge:" + bridge.id);
        world.bridges.remove(bridge.id);
        world.emit(world.events.bridge("BridgeDestroyed", bridge, null));
    }

    /** Takes the channel out of its bridge, if any. */
    void leave(SimChannel channel) {
        if (channel == null || channel.bridgeId == null) {
            return;
        }
        SimBridge bridge = world.bridges.get(channel.bridgeId);
        channel.bridgeId = null;
        audioSockets.left(channel);
        if (bridge != null) {
            bridge.channels.remove(channel.id);
            world.emit(world.events.bridge("ChannelLeftBridge", bridge, channel));
            audioSockets.membershipChanged(bridge);
        }
    }

    SimBridge find(String id) {
        SimBridge bridge = world.bridges.get(id);
        if (bridge == null) {
            throw new AriError(404, "Bridge not found");
        }
        return bridge;
    }

    /** All named channels, validated before any is moved, as ARI does. */
    private List<SimChannel> resolve(String channelIds) {
        if (channelIds == null || channelIds.isBlank()) {
            throw AriError.missing("channel");
        }
        List<SimChannel> channels = new ArrayList<>();
        for (String id : channelIds.split(",")) {
            SimChannel channel = world.channels.get(id.trim());
            if (channel == null) {
                throw new AriError(400, "Channel not found");
            }
            if (!channel.inStasis) {
                throw new AriError(422, "Channel not in Stasis application");
            }
            channels.add(channel);
        }
        return channels;
    }
}
