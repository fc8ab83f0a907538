package net.voipbin.pipecatmanager.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import net.voipbin.rpc.urlguard.UrlGuard;
import net.voipbin.rpc.urlguard.UrlRefusedException;

/** The runner URL is the customer's: its host goes through the fleet's guard, once. */
class RunnerClientTest {

    private static final EventLoopGroup GROUP = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

    @AfterAll
    static void stop() {
        GROUP.shutdownGracefully();
    }

    @Test
    void aPrivateRunnerIsRefusedBeforeAnyConnectionNamingTheRule() throws Exception {
        try (RunnerClient runners = new RunnerClient(new UrlGuard(List.of()))) {
            ChannelFuture connect = runners.connect(URI.create("ws://10.0.0.5:8765/runner"), GROUP.next(), new Silent());

            assertThat(connect.await(5000)).isTrue();
            assertThat(connect.cause()).isInstanceOf(UrlRefusedException.class)
                    .hasMessage("address 10.0.0.5 is private (10.0.0.0/8)");
        }
    }

    /** 127.0.0.1 (allowed) stands for the public answer, 127.0.0.2 (loopback) for the one a second lookup would give. */
    @Test
    void theConnectionGoesToTheAddressTheGuardCheckedWithoutASecondLookup() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        InetAddress checked = InetAddress.getByName("127.0.0.1");
        InetAddress inward = InetAddress.getByName("127.0.0.2");
        UrlGuard guard = new UrlGuard(List.of("127.0.0.1/32"),
                host -> new InetAddress[] {lookups.getAndIncrement() == 0 ? checked : inward});
        try (ServerSocket server = new ServerSocket(0, 1, checked); RunnerClient runners = new RunnerClient(guard)) {
            ChannelFuture connect = runners.connect(URI.create("ws://runner.example:" + server.getLocalPort() + "/runner"),
                    GROUP.next(), new Silent());

            assertThat(connect.await(5000)).isTrue();
            assertThat(connect.isSuccess()).as(String.valueOf(connect.cause())).isTrue();
            assertThat(connect.channel().remoteAddress()).isEqualTo(new InetSocketAddress(checked, server.getLocalPort()));
            assertThat(lookups).hasValue(1);
            connect.channel().close().sync();
        }
    }

    private static final class Silent implements RunnerListener {
        @Override
        public void runnerConnected() {
        }

        @Override
        public void runnerAudio(ByteBuf frame, int offset, int length, int sampleRate, int channels) {
        }

        @Override
        public void runnerInterruption() {
        }

        @Override
        public void runnerMessage(String json) {
        }

        @Override
        public void runnerText(String text) {
        }

        @Override
        public void runnerSkipped(String fields) {
        }

        @Override
        public void runnerClosed(String reason) {
        }
    }
}
