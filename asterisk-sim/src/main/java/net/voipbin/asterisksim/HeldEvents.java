package net.voipbin.asterisksim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import tools.jackson.databind.node.ObjectNode;

/**
 * One channel's events kept from the platform, from the first of a given type on, until {@link #release()}
 * sends them in their order: the platform learning of that channel late (its consumer busy with something
 * else), while Asterisk itself and every other channel go on. Asterisk's state is not held, only what the
 * WebSocket clients are told. From {@link AsteriskSim#holdEventsOf(String, String)}.
 */
public final class HeldEvents {

    private final String channelId;
    private final String fromType;
    private final Consumer<HeldEvents> onRelease;
    /** Touched on the simulator thread only. */
    private final List<ObjectNode> kept = new ArrayList<>();
    private volatile boolean arrived;

    HeldEvents(String channelId, String fromType, Consumer<HeldEvents> onRelease) {
        this.channelId = channelId;
        this.fromType = fromType;
        this.onRelease = onRelease;
    }

    /** Whether the event is kept back (the hold has begun, or this event begins it). */
    boolean keeps(ObjectNode event) {
        if (!channelId.equals(event.path("channel").path("id").asString(""))) {
            return false;
        }
        if (!arrived && !fromType.equals(event.path("type").asString(""))) {
            return false;
        }
        arrived = true;
        kept.add(event);
        return true;
    }

    /** Taken back for sending: the events kept so far, oldest first. */
    List<ObjectNode> drain() {
        List<ObjectNode> events = List.copyOf(kept);
        kept.clear();
        return events;
    }

    /** Whether the first event of the hold has been kept back. */
    public boolean arrived() {
        return arrived;
    }

    /** Sends what was kept, in order, and lets the channel's later events through; returns once sent. */
    public void release() {
        onRelease.accept(this);
    }
}
