package net.voipbin.pipecatmanager.session;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import net.voipbin.pipecatmanager.runner.proto.Frames;

/**
 * A Pipecat runner stand-in: a real Netty WebSocket server speaking frames.proto. It echoes audio
 * frames when {@code echo} is on, records what it received, and sends whatever a test tells it to.
 */
final class FakeRunner implements AutoCloseable {

    final List<Frames.AudioRawFrame> audio = new CopyOnWriteArrayList<>();
    final List<String> messages = new CopyOnWriteArrayList<>();
    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();
    volatile boolean echo = true;
    private volatile Channel client;
    private final Channel server;

    FakeRunner(EventLoopGroup group) throws InterruptedException {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                                new WebSocketServerProtocolHandler("/runner", null, false, 1 << 20),
                                new WebSocketFrameAggregator(1 << 20), new Handler());
                    }
                }).bind("127.0.0.1", 0).sync().channel();
    }

    String url() {
        return "ws://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort() + "/runner";
    }

    void send(Frames.Frame frame) {
        client.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(frame.toByteArray())));
    }

    /** Any bytes as one binary WebSocket message (a frame type this service may not know). */
    void sendRaw(byte[] bytes) {
        client.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(bytes)));
    }

    void sendMessage(String json) {
        send(Frames.Frame.newBuilder().setMessage(Frames.MessageFrame.newBuilder().setData(json)).build());
    }

    void sendAudio(short[] samples, int rate) {
        ByteBuf pcm = Unpooled.buffer(samples.length * 2);
        for (short s : samples) {
            pcm.writeShortLE(s);
        }
        send(Frames.Frame.newBuilder().setAudio(Frames.AudioRawFrame.newBuilder()
                .setAudio(com.google.protobuf.ByteString.copyFrom(pcm.nioBuffer())).setSampleRate(rate).setNumChannels(1))
                .build());
    }

    void sendInterruption() {
        send(Frames.Frame.newBuilder().setInterruption(Frames.InterruptionFrame.newBuilder()).build());
    }

    /** Whether the runner was told this session started (its session_started control message). */
    boolean started(java.util.UUID pipecatcallId) {
        return messages.stream().anyMatch(m -> m.contains("session_started") && m.contains(pipecatcallId.toString()));
    }

    List<String> messagesOfType(String type) {
        return messages.stream().filter(m -> m.contains("\"type\":\"" + type + "\"")).toList();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
    }

    private final class Handler extends SimpleChannelInboundHandler<BinaryWebSocketFrame> {

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
                client = ctx.channel();
                connections.incrementAndGet();
            }
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, BinaryWebSocketFrame frame) throws Exception {
            Frames.Frame parsed = Frames.Frame.parseFrom(frame.content().nioBuffer());
            if (parsed.hasAudio()) {
                audio.add(parsed.getAudio());
                if (echo) {
                    ctx.writeAndFlush(new BinaryWebSocketFrame(frame.content().retainedDuplicate()));
                }
            } else if (parsed.hasMessage()) {
                messages.add(parsed.getMessage().getData());
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            closed.incrementAndGet();
        }
    }
}
