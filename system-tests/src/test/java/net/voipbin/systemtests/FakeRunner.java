package net.voipbin.systemtests;

import java.net.InetSocketAddress;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * that takes pipecat-manager's connections, one per AI session, reads its Pipecat protobuf frames
 * (coded by hand: only {@code Frame.audio} = AudioRawFrame and {@code Frame.message} = MessageFrame
 * are needed), echoes the caller's audio back (so the caller hears the "AI") and can end a session by
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
            byte[] json = ("{\"type\":\"llm_function_call\",\"tool_call_id\":\"" + toolCallId
                    + "\",\"function_name\":\"end_call\",\"arguments\":{}}").getBytes(StandardCharsets.UTF_8);
            byte[] messageFrame = Protobuf.lengthDelimited(MESSAGE_DATA, json);
            channel.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(
                    Protobuf.lengthDelimited(FRAME_MESSAGE, messageFrame))));
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
    private static final int FRAME_AUDIO = 2;
    private static final int FRAME_MESSAGE = 4;
    private static final int AUDIO_BYTES = 3;
    private static final int AUDIO_SAMPLE_RATE = 4;
    private static final int AUDIO_NUM_CHANNELS = 5;
    private static final int MESSAGE_DATA = 1;

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
            Map<Integer, byte[]> fields;
            try {
                fields = Protobuf.parse(bytes).lengthDelimited();
            } catch (IllegalArgumentException e) {
                session.oddities.add("not protobuf: " + e.getMessage());
                return;
            }
            if (fields.containsKey(FRAME_AUDIO)) {
                audio(ctx, fields.get(FRAME_AUDIO), bytes);
            } else if (fields.containsKey(FRAME_MESSAGE)) {
                byte[] data = Protobuf.parse(fields.get(FRAME_MESSAGE)).lengthDelimited().get(MESSAGE_DATA);
                session.message(data == null ? "" : new String(data, StandardCharsets.UTF_8));
            } else {
                session.oddities.add("frame with fields " + fields.keySet());
            }
        }

        private void audio(ChannelHandlerContext ctx, byte[] audioRawFrame, byte[] whole) {
            Protobuf frame = Protobuf.parse(audioRawFrame);
            byte[] pcm = frame.lengthDelimited().getOrDefault(AUDIO_BYTES, new byte[0]);
            session.audioFrames.incrementAndGet();
            session.audioShapes.add(frame.varints().getOrDefault(AUDIO_SAMPLE_RATE, 0L) + "/"
                    + frame.varints().getOrDefault(AUDIO_NUM_CHANNELS, 0L) + "/" + pcm.length);
            for (byte b : pcm) {
                if (b != 0) {
                    session.audibleAudioFrames.incrementAndGet();
                    break;
                }
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

    /** The top-level fields of one protobuf message: varints and length-delimited values by field number. */
    private record Protobuf(Map<Integer, Long> varints, Map<Integer, byte[]> lengthDelimited) {

        static Protobuf parse(byte[] bytes) {
            Map<Integer, Long> varints = new HashMap<>();
            Map<Integer, byte[]> lengthDelimited = new HashMap<>();
            int[] at = {0};
            while (at[0] < bytes.length) {
                long key = varint(bytes, at);
                int field = (int) (key >>> 3);
                switch ((int) (key & 7)) {
                    case 0 -> varints.put(field, varint(bytes, at));
                    case 1 -> at[0] += 8;
                    case 5 -> at[0] += 4;
                    case 2 -> {
                        int length = (int) varint(bytes, at);
                        if (length < 0 || at[0] + length > bytes.length) {
                            throw new IllegalArgumentException("field " + field + " runs past the end");
                        }
                        lengthDelimited.put(field, Arrays.copyOfRange(bytes, at[0], at[0] + length));
                        at[0] += length;
                    }
                    default -> throw new IllegalArgumentException("wire type " + (key & 7));
                }
            }
            if (at[0] != bytes.length) {
                throw new IllegalArgumentException("truncated");
            }
            return new Protobuf(varints, lengthDelimited);
        }

        /** One length-delimited field: its key, the value's length, the value. */
        static byte[] lengthDelimited(int field, byte[] value) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 8);
            writeVarint(out, (long) field << 3 | 2);
            writeVarint(out, value.length);
            out.writeBytes(value);
            return out.toByteArray();
        }

        private static void writeVarint(ByteArrayOutputStream out, long value) {
            while ((value & ~0x7FL) != 0) {
                out.write((int) (value & 0x7F) | 0x80);
                value >>>= 7;
            }
            out.write((int) value);
        }

        private static long varint(byte[] bytes, int[] at) {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (at[0] >= bytes.length) {
                    throw new IllegalArgumentException("truncated varint");
                }
                int b = bytes[at[0]++] & 0xFF;
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("varint too long");
        }
    }
}
