package net.voipbin.callmanager.ari;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;

import com.rabbitmq.client.Channel;

import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.event.EventConsumer;
import tools.jackson.databind.JsonNode;

/**
 * Per-channel ordering with parallelism across channels. One AMQP consumer receives
 * {@code asterisk.all.event} in queue order; each message goes to one of N single-thread lanes chosen by
 * the hash of its channel id (the playback's or recording's target channel, the bridge id for bridge-only
 * events), so the events of one channel are handled one after the other in arrival order while other
 * channels proceed on other lanes. The lane runs common-rpc's {@link EventConsumer} (retry, park, acks
 * coalesced across lanes); the prefetch bounds what is in flight.
 */
final class ChannelLanes implements ChannelAwareMessageListener, AutoCloseable {

    private final ExecutorService[] lanes;
    private final EventConsumer consumer;

    ChannelLanes(int count, EventConsumer consumer) {
        this.lanes = new ExecutorService[Math.max(1, count)];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("ari-lane-" + i).factory());
        }
        this.consumer = consumer;
    }

    @Override
    public void onMessage(Message message, Channel channel) {
        // Taken in here, in delivery order (the acks depend on it); decoded once, since the lane key is inside.
        EventConsumer.Received received = consumer.receive(message, channel);
        Event event = received.event();
        String key = event == null ? "" : key(event.data(), event.asteriskId());
        lanes[lane(key, lanes.length)].execute(() -> consumer.handle(received));
    }

    static int lane(String key, int count) {
        return Math.floorMod(key.hashCode(), count);
    }

    /** The channel an ARI event belongs to, else its bridge, else (proxy_connected) its Asterisk. */
    static String key(JsonNode data, String asteriskId) {
        if (data == null) {
            return asteriskId == null ? "" : asteriskId;
        }
        String channel = data.path("channel").path("id").asString("");
        if (!channel.isEmpty()) {
            return channel;
        }
        for (String holder : new String[] {"playback", "recording"}) {
            String target = data.path(holder).path("target_uri").asString("");
            if (target.startsWith("channel:")) {
                return target.substring("channel:".length());
            }
        }
        String bridge = data.path("bridge").path("id").asString("");
        return !bridge.isEmpty() ? bridge : asteriskId == null ? "" : asteriskId;
    }

    @Override
    public void close() {
        for (ExecutorService lane : lanes) {
            lane.shutdown();
        }
    }
}
