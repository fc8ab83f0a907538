package net.voipbin.asterisksim;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A Stasis bridge as Asterisk shows it. Confined to the simulator's thread. */
final class SimBridge {

    final String id;
    final String name;
    final String type;
    final Instant creationtime;
    final Set<String> channels = new LinkedHashSet<>();
    /** The music on hold class playing into the bridge ({@code POST /bridges/{id}/moh}), null when none. */
    String mohClass;

    SimBridge(String id, String name, String type, Instant creationtime) {
        this.id = id;
        this.name = name;
        this.type = type;
        this.creationtime = creationtime;
    }

    /** Whether its channels hear each other (a holding bridge keeps them apart). */
    boolean mixes() {
        return !type.equals("holding");
    }

    ObjectNode toJson() {
        ObjectNode node = AriJson.object();
        node.put("id", id);
        node.put("technology", type.equals("holding") ? "holding_bridge" : "simple_bridge");
        node.put("bridge_type", type);
        node.put("bridge_class", "stasis");
        node.put("creator", "Stasis");
        node.put("name", name);
        ArrayNode ids = node.putArray("channels");
        channels.forEach(ids::add);
        node.put("creationtime", AriJson.timestamp(creationtime));
        node.put("video_mode", "talker");
        return node;
    }
}
