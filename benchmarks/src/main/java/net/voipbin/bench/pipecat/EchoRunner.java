package net.voipbin.bench.pipecat;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.AttributeKey;

/**
 * A loopback Pipecat runner that echoes audio frames at once (200 ms of every second). It learns which session a
 * connection carries from the {@code session_started} control message and timestamps each audio frame
 * it receives (caller to runner latency) and echoes (start of the way back).
 */
final class EchoRunner implements AutoCloseable {

    private static final AttributeKey<SessionStats> SESSION = AttributeKey.valueOf("session");
    private final Map<UUID, SessionStats> sessions = new ConcurrentHashMap<>();
    private final Channel server;

    EchoRunner(EventLoopGroup group) throws InterruptedException {
        server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                                new WebSocketServerProtocolHandler("/runner", null, false, 1 << 20), new Echo());
                    }
                }).bind("127.0.0.1", 0).sync().channel();
    }

    void expect(SessionStats stats) {
        sessions.put(stats.id, stats);
    }

    String url() {
        return "ws://127.0.0.1:" + ((InetSocketAddress) server.localAddress()).getPort() + "/runner";
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
    }

    private final class Echo extends SimpleChannelInboundHandler<BinaryWebSocketFrame> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, BinaryWebSocketFrame frame) {
            long now = System.nanoTime();
            SessionStats stats = ctx.channel().attr(SESSION).get();
            int tag = frame.content().getUnsignedByte(frame.content().readerIndex());
            if (tag == 0x12 && stats != null) {
                // Talks like a bot: echoes 200 ms of every second, so the playout queue empties between
                // "utterances" (a continuous echo never lets it drain and ratchets every jitter into delay).
                if (stats.arrivedAtRunner(now) % 50 < 10) {
                    ctx.writeAndFlush(new BinaryWebSocketFrame(frame.content().retainedDuplicate()));
                    stats.echoed(System.nanoTime());
                }
            } else if (tag == 0x22) {
                String json = frame.content().toString(java.nio.charset.StandardCharsets.UTF_8);
                int at = json.indexOf("\"pipecatcall_id\":\"");
                if (at >= 0) {
                    UUID id = UUID.fromString(json.substring(at + 18, at + 18 + 36));
                    SessionStats s = sessions.get(id);
                    ctx.channel().attr(SESSION).set(s);
                    s.connected = true;
                }
            }
        }
    }
}
