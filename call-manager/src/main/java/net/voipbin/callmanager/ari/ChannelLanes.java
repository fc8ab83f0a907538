package net.voipbin.callmanager.ari;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * channels proceed on other lanes. The lane runs common-rpc's {@link EventConsumer} (retry, park) and
 * acks when the event is handled; the prefetch bounds what is in flight.
 */
final class ChannelLanes implements ChannelAwareMessageListener, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChannelLanes.class);

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
        // Decoded once here: the lane key is inside the event, and the lane's consumer reuses it.
        Event event = consumer.decode(message);
        String key = event == null ? "" : key(event.data(), event.asteriskId());
        lanes[lane(key, lanes.length)].execute(() -> {
            try {
                consumer.onDecoded(message, channel, event);
            } catch (IOException | RuntimeException e) {
                // Not acked: the broker redelivers it when the channel closes.
                log.warn("ARI event not acknowledged: {}", e.getMessage());
            }
        });
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
