package net.voipbin.pipecatmanager.runner;

import java.net.URI;

import javax.net.ssl.SSLException;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import net.voipbin.rpc.urlguard.UrlGuard;

/**
 * Opens one WebSocket per session to the Pipecat runner, on the session's own event loop (the
 * AudioSocket connection's), so both legs of a session run on one thread and share state without locks.
 * Pipeline top to bottom: HTTP codec, handshake aggregation, WebSocket protocol, fragment
 * aggregation, Pipecat frames. The runner URL is the customer's: its host is resolved by the fleet's
 * URL guard ({@link GuardedResolverGroup}) and the connection goes to the address that was checked.
 */
public final class RunnerClient implements AutoCloseable {

    private static final int MAX_FRAME = 1 << 20;

    private final SslContext ssl;
    private final GuardedResolverGroup resolvers;

    public RunnerClient(UrlGuard guard) {
        this.resolvers = new GuardedResolverGroup(guard);
        try {
            this.ssl = SslContextBuilder.forClient().build();
        } catch (SSLException e) {
            throw new IllegalStateException("no TLS for wss:// runners", e);
        }
    }

    public ChannelFuture connect(URI uri, EventLoop loop, RunnerListener listener) {
        boolean secure = "wss".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : secure ? 443 : 80;
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri)
                .maxFramePayloadLength(MAX_FRAME)
                .handshakeTimeoutMillis(5000)
                .build();
        return new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .resolver(resolvers)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        if (secure) {
                            channel.pipeline().addLast("tls", ssl.newHandler(channel.alloc(), uri.getHost(), port));
                        }
                        channel.pipeline()
                                .addLast("http", new HttpClientCodec())
                                .addLast("handshake", new HttpObjectAggregator(65536))
                                .addLast("websocket", new WebSocketClientProtocolHandler(config))
                                .addLast("fragments", new WebSocketFrameAggregator(MAX_FRAME))
                                .addLast("frames", new RunnerFrameHandler(listener));
                    }
                })
                .connect(uri.getHost(), port);
    }

    @Override
    public void close() {
        resolvers.close();
    }
}
