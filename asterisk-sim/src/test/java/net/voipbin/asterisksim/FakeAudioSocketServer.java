package net.voipbin.asterisksim;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;

/** The far end of AudioSocket (an AI bridge, say): accepts Asterisk's connections and records their frames. */
final class FakeAudioSocketServer implements AutoCloseable {

    record Frame(int kind, byte[] payload) {
    }

    /** One accepted connection. */
    static final class Connection {
        final List<Frame> frames = new CopyOnWriteArrayList<>();
        volatile boolean open = true;
        volatile Channel channel;

        UUID uuid() {
            byte[] id = frames.getFirst().payload();
            ByteBuf buf = Unpooled.wrappedBuffer(id);
            return new UUID(buf.getLong(0), buf.getLong(8));
        }

        List<Frame> audio() {
            return frames.stream().filter(f -> f.kind() >= 0x10 && f.kind() <= 0x18).toList();
        }

        void send(int kind, byte[] payload) {
            channel.writeAndFlush(Unpooled.buffer().writeByte(kind).writeShort(payload.length).writeBytes(payload));
        }

        void close() {
            channel.close().syncUninterruptibly();
        }
    }

    final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel server;

    FakeAudioSocketServer() {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        Connection connection = new Connection();
                        connection.channel = ch;
                        connections.add(connection);
                        ch.pipeline().addLast(new LengthFieldBasedFrameDecoder(3 + 0xFFFF, 1, 2, 0, 0),
                                new SimpleChannelInboundHandler<ByteBuf>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
                                        int length = frame.getUnsignedShort(frame.readerIndex() + 1);
                                        connection.frames.add(new Frame(frame.getUnsignedByte(frame.readerIndex()),
                                                ByteBufUtil.getBytes(frame, frame.readerIndex() + 3, length)));
                                    }

                                    @Override
                                    public void channelInactive(ChannelHandlerContext ctx) {
                                        connection.open = false;
                                    }
                                });
                    }
                }).bind("127.0.0.1", 0).syncUninterruptibly().channel();
    }

    String address() {
        return "127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
