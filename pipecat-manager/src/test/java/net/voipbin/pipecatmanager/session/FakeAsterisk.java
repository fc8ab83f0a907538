package net.voipbin.pipecatmanager.session;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

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
import net.voipbin.pipecatmanager.audiosocket.AudioSocketDecoder;

/** Asterisk's side of AudioSocket: connects, sends the UUID and audio, records every frame it gets back. */
final class FakeAsterisk implements AutoCloseable {

    record Received(int kind, byte[] payload, long nanos) {
        boolean silent() {
            for (byte b : payload) {
                if (b != 0) {
                    return false;
                }
            }
            return true;
        }
    }

    final List<Received> frames = new CopyOnWriteArrayList<>();
    volatile long uuidSentNanos;
    private final Channel channel;

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
                                        ByteBufUtil.getBytes(frame, frame.readerIndex() + 3, length), System.nanoTime()));
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

    void sendSlin(int kind, short[] samples) {
        ByteBuf frame = Unpooled.buffer(3 + samples.length * 2).writeByte(kind).writeShort(samples.length * 2);
        for (short s : samples) {
            frame.writeShortLE(s);
        }
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
        channel.close().syncUninterruptibly();
    }
}
