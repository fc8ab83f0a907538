package net.voipbin.asterisksim;

import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;

/**
 * One AudioSocket connection of an externalMedia channel, Asterisk's side: connects, sends the UUID,
 * then on a 20 ms clock sends the caller's voice (a 440 Hz tone) in the channel's format while
 * {@link #flowing} (the channel shares a bridge with another one), and counts the frames the far end
 * sends back. Runs on its connection's event loop; the simulator thread only flips {@code flowing}
 * and closes.
 */
final class AudioSocketLink {

    private static final Logger log = LoggerFactory.getLogger(AudioSocketLink.class);
    private static final int HANGUP = 0x00;
    private static final int ERROR = 0xFF;
    private static final double TONE_HZ = 440;
    private static final double TONE_LEVEL = 3000;

    private final String channelId;
    private final UUID uuid;
    private final MediaFormat format;
    private final Runnable farEndClosed;
    private final AtomicLong framesSent = new AtomicLong();
    private final AtomicLong framesReceived = new AtomicLong();
    private final AtomicLong audibleFramesReceived = new AtomicLong();
    private volatile boolean flowing;
    private volatile boolean connected;
    private volatile boolean hangupReceived;
    private volatile boolean closed;
    private volatile boolean closedByAsterisk;
    private volatile Channel socket;
    private ScheduledFuture<?> clock;
    private long sample;

    AudioSocketLink(String channelId, UUID uuid, MediaFormat format, Runnable farEndClosed) {
        this.channelId = channelId;
        this.uuid = uuid;
        this.format = format;
        this.farEndClosed = farEndClosed;
    }

    void connect(EventLoopGroup group, String host, int port) {
        ChannelFuture connecting = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 3000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new LengthFieldBasedFrameDecoder(3 + 0xFFFF, 1, 2, 0, 0), new Inbound());
                    }
                }).connect(host, port);
        connecting.addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                // Real Asterisk fails the externalMedia request; the simulator keeps a silent channel.
                log.warn("AudioSocket {} of channel {}: cannot connect to {}:{}: {}", uuid, channelId, host, port,
                        f.cause().toString());
                closed = true;
                return;
            }
            socket = f.channel();
            socket.writeAndFlush(socket.alloc().buffer(19).writeByte(0x01).writeShort(16)
                    .writeLong(uuid.getMostSignificantBits()).writeLong(uuid.getLeastSignificantBits()));
            connected = true;
            clock = socket.eventLoop().scheduleAtFixedRate(this::tick, 20, 20, TimeUnit.MILLISECONDS);
            if (closedByAsterisk) {
                socket.close();
            }
        });
    }

    void flowing(boolean on) {
        flowing = on;
    }

    /** The channel ended: Asterisk closes the socket (no hangup frame). */
    void close() {
        closedByAsterisk = true;
        Channel s = socket;
        if (s != null) {
            s.close();
        }
    }

    AudioSocketStats stats() {
        return new AudioSocketStats(connected, framesSent.get(), framesReceived.get(), audibleFramesReceived.get(),
                hangupReceived, closed);
    }

    private void tick() {
        Channel s = socket;
        if (!flowing || s == null || !s.isActive() || !s.isWritable()) {
            return;
        }
        ByteBuf frame = s.alloc().buffer(3 + format.frameBytes());
        frame.writeByte(format.kind()).writeShort(format.frameBytes());
        for (int i = 0; i < format.frameSamples(); i++) {
            double phase = 2 * Math.PI * TONE_HZ * sample++ / format.sampleRate();
            format.write(frame, (short) Math.round(TONE_LEVEL * Math.sin(phase)));
        }
        s.writeAndFlush(frame, s.voidPromise());
        framesSent.incrementAndGet();
    }

    private final class Inbound extends SimpleChannelInboundHandler<ByteBuf> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
            int kind = frame.getUnsignedByte(frame.readerIndex());
            int length = frame.getUnsignedShort(frame.readerIndex() + 1);
            if (kind == HANGUP || kind == ERROR) {
                hangupReceived = kind == HANGUP;
                ctx.close();
            } else if (kind >= 0x10 && kind <= 0x18) {
                framesReceived.incrementAndGet();
                if (format.audible(frame, frame.readerIndex() + 3, length)) {
                    audibleFramesReceived.incrementAndGet();
                }
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            log.info("AudioSocket {} of channel {}: {}", uuid, channelId, cause.toString());
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            closed = true;
            if (clock != null) {
                clock.cancel(false);
            }
            if (!closedByAsterisk) {
                farEndClosed.run();
            }
        }
    }
}
