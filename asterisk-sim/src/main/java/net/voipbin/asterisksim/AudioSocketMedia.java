package net.voipbin.asterisksim;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The media side of externalMedia channels, as chan_audiosocket behaves: an AudioSocket channel
 * connects to its {@code external_host} and sends the UUID given as {@code data}; audio flows only
 * while the channel shares a bridge with another channel (a channel left alone in its bridge, say
 * after the caller hung up, stays Up in Stasis and hears nothing); the far end closing the socket or
 * sending a hangup frame hangs the channel up; the channel ending closes the socket. A format this
 * Asterisk cannot translate the bridge's audio to ({@link #refuse}) makes the channel enter its
 * bridge and leave it at once. World state is touched on the simulator thread only.
 */
final class AudioSocketMedia implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AudioSocketMedia.class);

    private final World world;
    private final EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1,
            new DefaultThreadFactory("asterisk-sim-audiosocket", true), NioIoHandler.newFactory());
    private final Map<String, AudioSocketLink> live = new HashMap<>();
    /** Every link by channel id, kept after the channel ended so tests can read what went over it. */
    private final Map<String, AudioSocketLink> all = new ConcurrentHashMap<>();
    private final Set<String> refused = new HashSet<>();
    private Consumer<SimChannel> farEndHangup = channel -> {
    };

    AudioSocketMedia(World world) {
        this.world = world;
    }

    /** How a channel ends when the far end closes its socket (set once, by the simulator's wiring). */
    void onFarEndHangup(Consumer<SimChannel> hangup) {
        this.farEndHangup = hangup;
    }

    /** A new AudioSocket channel connects to {@code host} ({@code host:port}) announcing {@code data}. */
    void open(SimChannel channel, String host, String data) {
        UUID uuid;
        int colon = host.lastIndexOf(':');
        try {
            uuid = UUID.fromString(data);
            if (colon < 0) {
                throw new IllegalArgumentException("no port");
            }
        } catch (IllegalArgumentException e) {
            log.warn("AudioSocket channel {}: not connecting ({} / data {}): {}", channel.id, host, data, e.getMessage());
            return;
        }
        String id = channel.id;
        AudioSocketLink link = new AudioSocketLink(id, uuid, MediaFormat.of(channel.mediaFormat),
                () -> world.afterMillis(0, () -> farEndClosed(id)));
        live.put(id, link);
        all.put(id, link);
        link.connect(loop, host.substring(0, colon), Integer.parseInt(host.substring(colon + 1)));
    }

    /** Whether this Asterisk can bridge the channel's audio (channels without a media format always can). */
    boolean canBridge(SimChannel channel) {
        return channel.mediaFormat == null || !refused.contains(channel.mediaFormat);
    }

    void refuse(String format) {
        refused.add(format);
    }

    /** The bridge's membership changed: audio flows on each AudioSocket in it that has company it hears. */
    void membershipChanged(SimBridge bridge) {
        for (String id : bridge.channels) {
            AudioSocketLink link = live.get(id);
            if (link != null) {
                link.flowing(bridge.mixes() && bridge.channels.size() > 1);
            }
        }
    }

    void left(SimChannel channel) {
        AudioSocketLink link = live.get(channel.id);
        if (link != null) {
            link.flowing(false);
        }
    }

    /** The channel ended (any cause): its socket is closed. */
    void ended(SimChannel channel) {
        AudioSocketLink link = live.remove(channel.id);
        if (link != null) {
            link.flowing(false);
            link.close();
        }
    }

    Optional<AudioSocketStats> stats(String channelId) {
        return Optional.ofNullable(all.get(channelId)).map(AudioSocketLink::stats);
    }

    private void farEndClosed(String channelId) {
        SimChannel channel = world.channels.get(channelId);
        if (live.remove(channelId) != null && channel != null) {
            farEndHangup.accept(channel);
        }
    }

    @Override
    public void close() {
        all.values().forEach(AudioSocketLink::close);
        loop.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
