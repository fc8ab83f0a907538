package net.voipbin.pipecatmanager.audiosocket;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;

/** One AudioSocket connection's pipeline, top to bottom: framing, codec, session logic. */
public final class AudioSocketInitializer extends ChannelInitializer<SocketChannel> {

    private static final AudioSocketEncoder ENCODER = new AudioSocketEncoder();

    private final AudioSocketSessions sessions;
    private final int maxPayload;

    public AudioSocketInitializer(AudioSocketSessions sessions, int maxPayload) {
        this.sessions = sessions;
        this.maxPayload = maxPayload;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        configure(channel.pipeline(), sessions, maxPayload);
    }

    public static void configure(ChannelPipeline pipeline, AudioSocketSessions sessions, int maxPayload) {
        pipeline.addLast("framer", AudioSocketDecoder.framer(maxPayload))
                .addLast("decoder", new AudioSocketDecoder())
                .addLast("encoder", ENCODER)
                .addLast("session", new AudioSocketHandler(sessions));
    }
}
