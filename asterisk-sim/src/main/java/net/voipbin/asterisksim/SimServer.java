package net.voipbin.asterisksim;

import java.net.InetSocketAddress;
import java.util.function.Supplier;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.GlobalEventExecutor;

/**
 * One port for REST and the events WebSocket, like Asterisk's HTTP server. Stopping closes the
 * listener and every open connection (an Asterisk outage, as clients see it); starting again binds
 * the same port.
 */
final class SimServer {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final Supplier<ChannelHandler> handler;
    private Channel listener;
    private int port;

    SimServer(Supplier<ChannelHandler> handler) {
        this.handler = handler;
    }

    synchronized int start(String host, int requestedPort) {
        if (listener != null) {
            return port;
        }
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        connections.add(channel);
                        channel.pipeline()
                                .addLast("http", new HttpServerCodec())
                                .addLast("aggregate", new HttpObjectAggregator(1 << 20))
                                .addLast("ari", handler.get());
                    }
                });
        listener = bootstrap.bind(new InetSocketAddress(host, requestedPort)).syncUninterruptibly().channel();
        port = ((InetSocketAddress) listener.localAddress()).getPort();
        return port;
    }

    synchronized void stop() {
        if (listener == null) {
            return;
        }
        listener.close().syncUninterruptibly();
        listener = null;
        connections.close().awaitUninterruptibly();
    }

    synchronized boolean isRunning() {
        return listener != null;
    }

    void close() {
        stop();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
