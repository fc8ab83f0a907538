package net.voipbin.systemtests;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * A Pipecat runner stand-in in the test JVM: a Netty WebSocket server on loopback ({@code /runner})
 * that takes pipecat-manager's connections, one per AI session, reads its Pipecat frames
 * ({@link PipecatFrames}), echoes the caller's audio back (so the caller hears the "AI") and can end a session by
 * closing its WebSocket, as a runner whose pipeline finished does, or by calling the {@code end_call}
 * tool.
 */
final class FakeRunner implements AutoCloseable {

    /** One connection from pipecat-manager, named by the {@code session_started} message it sends first. */
    static final class Session {
        private static final Pattern PIPECATCALL_ID = Pattern.compile("\"pipecatcall_id\"\\s*:\\s*\"([^\"]+)\"");
        private static final Pattern CALL_ID = Pattern.compile("\"call_id\"\\s*:\\s*\"([^\"]+)\"");

        private final Channel channel;
        private volatile String pipecatcallId = "";
        private volatile String callId = "";
        final List<String> messages = new CopyOnWriteArrayList<>();
        /** AudioRawFrames received: all, and those carrying anything but digital silence. */
        final AtomicInteger audioFrames = new AtomicInteger();
        final AtomicInteger audibleAudioFrames = new AtomicInteger();
        /** What the AudioRawFrames said of themselves: "rate/channels/bytes", each seen once. */
        final Set<String> audioShapes = ConcurrentHashMap.newKeySet();
        /** A frame that was not a Pipecat frame of the kinds expected (a test failure). */
        final List<String> oddities = new CopyOnWriteArrayList<>();
        private volatile boolean closed;
        /** Whether the "AI" answers the caller's audio with that audio; off once it hangs up. */
        private volatile boolean echo = true;

        private Session(Channel channel) {
            this.channel = channel;
        }

        String pipecatcallId() {
            return pipecatcallId;
        }

        String callId() {
            return callId;
        }

        /** The WebSocket connection is gone (closed by either side). */
        boolean closed() {
            return closed;
        }

        /** The runner ends the session: a WebSocket close (1000) and the TCP connection closed. */
        void hangUp() {
            channel.writeAndFlush(new CloseWebSocketFrame(1000, "pipeline finished"))
                    .addListener(ChannelFutureListener.CLOSE);
        }

        /**
         * The "AI" hangs up: it stops talking and calls the {@code end_call} tool, a Pipecat MessageFrame
         * {@code {"type": "llm_function_call", ...}}; pipecat-manager answers with its result.
         */
        void callEndCall(String toolCallId) {
            echo = false;
            String json = "{\"type\":\"llm_function_call\",\"tool_call_id\":\"" + toolCallId
                    + "\",\"function_name\":\"end_call\",\"arguments\":{}}";
            channel.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(PipecatFrames.message(json))));
        }

        private void message(String json) {
            messages.add(json);
            if (json.contains("\"session_started\"")) {
                pipecatcallId = group(PIPECATCALL_ID, json);
                callId = group(CALL_ID, json);
            }
        }

        private static String group(Pattern pattern, String json) {
            Matcher m = pattern.matcher(json);
            return m.find() ? m.group(1) : "";
        }
    }

    private static final int MAX_FRAME = 1 << 20;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
            new DefaultThreadFactory("fake-runner", true), NioIoHandler.newFactory());
    private final List<Session> sessions = new CopyOnWriteArrayList<>();
    private final Channel server;

    FakeRunner() {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                                new WebSocketServerProtocolHandler("/runner", null, false, MAX_FRAME),
                                new WebSocketFrameAggregator(MAX_FRAME), new Handler());
                    }
                }).bind("127.0.0.1", 0).syncUninterruptibly().channel();
    }

    /** The {@code runner_url} of a flow's {@code ai_talk}. */
    String url() {
        return "ws://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort() + "/runner";
    }

    /** Every connection so far, in the order they were made. */
    List<Session> sessions() {
        return List.copyOf(sessions);
    }

    /** The connection of that call's AI session, once its {@code session_started} arrived. */
    Optional<Session> sessionOfCall(String callId) {
        return sessions.stream().filter(s -> s.callId.equals(callId)).findFirst();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Handler extends SimpleChannelInboundHandler<BinaryWebSocketFrame> {

        private Session session;

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
                session = new Session(ctx.channel());
                sessions.add(session);
            }
            ctx.fireUserEventTriggered(event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, BinaryWebSocketFrame frame) {
            byte[] bytes = ByteBufUtil.getBytes(frame.content());
            try {
                switch (PipecatFrames.decode(bytes)) {
                    case PipecatFrames.Audio audio -> audio(ctx, audio, bytes);
                    case PipecatFrames.Message message -> session.message(message.json());
                }
            } catch (IllegalArgumentException e) {
                session.oddities.add(e.getMessage());
            }
        }

        private void audio(ChannelHandlerContext ctx, PipecatFrames.Audio audio, byte[] whole) {
            session.audioFrames.incrementAndGet();
            session.audioShapes.add(audio.sampleRate() + "/" + audio.numChannels() + "/" + audio.pcm().length);
            if (audio.audible()) {
                session.audibleAudioFrames.incrementAndGet();
            }
            if (session.echo) {
                // The "AI" answers with what it heard: the same AudioRawFrame, 16 kHz mono.
                ctx.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(whole)), ctx.voidPromise());
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (session != null) {
                session.closed = true;
            }
            ctx.fireChannelInactive();
        }
    }
}
