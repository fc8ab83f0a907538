package net.voipbin.pipecatmanager.audiosocket;

import java.net.InetSocketAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * The TCP listener Asterisk's AudioSocket channels connect to. TCP_NODELAY: a 20 ms voice frame must
 * leave at once, never wait for Nagle.
 */
public final class AudioSocketServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AudioSocketServer.class);

    private final Channel channel;

    private AudioSocketServer(Channel channel) {
        this.channel = channel;
    }

    public static AudioSocketServer start(EventLoopGroup boss, EventLoopGroup workers, String host, int port,
            AudioSocketSessions sessions, int maxPayload) throws InterruptedException {
        Channel bound = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new AudioSocketInitializer(sessions, maxPayload))
                .bind(host, port).sync().channel();
        log.info("AudioSocket server listening on {}", bound.localAddress());
        return new AudioSocketServer(bound);
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
    }
}
