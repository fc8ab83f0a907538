package net.voipbin.pipecatmanager.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import net.voipbin.pipecatmanager.audio.MuLaw;
import net.voipbin.pipecatmanager.audiosocket.AudioSocketDecoder;

/**
 * Asterisk's side of AudioSocket: connects, sends the UUID, then, like Asterisk, one caller frame every
 * 20 ms (silence unless told to say something), and records every frame it gets back. Frames can be held
 * back and let go at once, as they arrive after a stall.
 */
final class FakeAsterisk implements AutoCloseable {

    /** A frame back from pipecat-manager; {@code made}: caller frames made so far when it arrived. */
    record Received(int kind, byte[] payload, long nanos, long made) {
        boolean silent() {
            for (byte b : payload) {
                if (b != 0) {
                    return false;
                }
            }
            return true;
        }

        /** The first sample, 16-bit little-endian. */
        int firstSample() {
            return (short) ((payload[0] & 0xFF) | payload[1] << 8);
        }
    }

    final List<Received> frames = new CopyOnWriteArrayList<>();
    /** Caller frames made by the 20 ms clock, sent or held back. */
    final AtomicLong made = new AtomicLong();
    volatile long uuidSentNanos;
    private final Channel channel;
    private final ConcurrentLinkedQueue<short[]> speech = new ConcurrentLinkedQueue<>();
    private final List<ByteBuf> held = new ArrayList<>();
    private volatile boolean holding;
    private volatile boolean numbered;
    private volatile java.util.concurrent.ScheduledFuture<?> clock;

    FakeAsterisk(EventLoopGroup group, int port) throws InterruptedException {
        channel = new Bootstrap().group(group).channel(NioSocketChannel.class).option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(AudioSocketDecoder.framer(65535), new SimpleChannelInboundHandler<ByteBuf>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
                                int length = frame.getUnsignedShort(frame.readerIndex() + 1);
                                frames.add(new Received(frame.getUnsignedByte(frame.readerIndex()),
                                        ByteBufUtil.getBytes(frame, frame.readerIndex() + 3, length), System.nanoTime(),
                                        made.get()));
                            }
                        });
                    }
                }).connect("127.0.0.1", port).sync().channel();
    }

    void sendUuid(UUID id) {
        uuidSentNanos = System.nanoTime();
        channel.writeAndFlush(Unpooled.buffer(19).writeByte(0x01).writeShort(16)
                .writeLong(id.getMostSignificantBits()).writeLong(id.getLeastSignificantBits()));
    }

    /** Starts the caller's 20 ms clock in {@code format}: each tick sends what is being said, else silence. */
    void stream(AudioFormat format) {
        clock = channel.eventLoop().scheduleAtFixedRate(() -> tick(format), 20, 20, TimeUnit.MILLISECONDS);
    }

    /** The caller says {@code samples} (at the format's rate), 20 ms a tick. */
    void say(short[] samples, int frameSamples) {
        for (int at = 0; at < samples.length; at += frameSamples) {
            speech.add(Arrays.copyOfRange(samples, at, at + frameSamples));
        }
    }

    /** From now on every frame's samples all carry the frame's number (1, 2, ...), to count delays in frames. */
    void numberFrames() {
        numbered = true;
    }

    /** While held, frames pile up unsent; released, they all go at once before the next one. */
    void holdBack(boolean hold) {
        holding = hold;
    }

    private void tick(AudioFormat format) {
        if (!channel.isActive()) {
            return;
        }
        long number = made.incrementAndGet();
        short[] samples = speech.poll();
        if (samples == null) {
            samples = new short[format.frameSamples()];
            Arrays.fill(samples, numbered ? (short) number : 0);
        }
        ByteBuf frame = Unpooled.buffer(3 + samples.length * 2).writeByte(format.kind().code())
                .writeShort(samples.length * format.bytesPerSample());
        for (short s : samples) {
            if (format == AudioFormat.ULAW) {
                frame.writeByte(MuLaw.encode(s));
            } else {
                frame.writeShortLE(s);
            }
        }
        if (holding) {
            held.add(frame);
            return;
        }
        // Let go of what piled up, then this frame: one burst, as after a stall.
        held.forEach(channel::write);
        held.clear();
        channel.writeAndFlush(frame);
    }

    void sendRaw(byte[] bytes) {
        channel.writeAndFlush(Unpooled.wrappedBuffer(bytes));
    }

    boolean isOpen() {
        return channel.isActive();
    }

    List<Received> audioFrames() {
        return frames.stream().filter(f -> f.kind() == 0x10 || f.kind() == 0x12).toList();
    }

    boolean receivedHangup() {
        return frames.stream().anyMatch(f -> f.kind() == 0x00);
    }

    @Override
    public void close() {
        if (clock != null) {
            clock.cancel(false);
        }
        channel.close().syncUninterruptibly();
    }
}
