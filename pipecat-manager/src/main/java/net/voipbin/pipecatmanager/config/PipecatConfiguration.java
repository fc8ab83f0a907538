package net.voipbin.pipecatmanager.config;

import java.util.concurrent.Executors;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import net.voipbin.contract.callmanager.CallMediaClient;
import net.voipbin.pipecatmanager.audiosocket.AudioSocketServer;
import net.voipbin.pipecatmanager.runner.RunnerClient;
import net.voipbin.pipecatmanager.session.MediaAttacher;
import net.voipbin.pipecatmanager.session.SessionRegistry;
import net.voipbin.pipecatmanager.tool.ToolDispatcher;
import net.voipbin.pipecatmanager.tool.ToolEndpointClient;
import net.voipbin.rpc.client.RpcClient;
import net.voipbin.rpc.topology.Topology;
import net.voipbin.rpc.urlguard.UrlGuard;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wiring: one NIO event-loop group serves both the AudioSocket connections and their runner
 * WebSockets (each session lives on one loop); blocking work goes to virtual threads.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PipecatProperties.class)
class PipecatConfiguration {

    /** Not an Executor bean on purpose: Boot would take an event loop group for its task executor. */
    record AudioEventLoops(EventLoopGroup group) implements AutoCloseable {
        @Override
        public void close() {
            group.shutdownGracefully();
        }
    }

    @Bean(destroyMethod = "close")
    AudioEventLoops audioEventLoops(PipecatProperties properties) {
        return new AudioEventLoops(new MultiThreadIoEventLoopGroup(properties.ioThreads(),
                new DefaultThreadFactory("audio", true), NioIoHandler.newFactory()));
    }

    @Bean(destroyMethod = "close")
    AudioSocketServer audioSocketServer(AudioEventLoops loops, SessionRegistry registry,
            PipecatProperties properties) throws InterruptedException {
        return AudioSocketServer.start(loops.group(), loops.group(), properties.audiosocketHost(),
                properties.audiosocketPort(), registry, properties.maxFramePayload());
    }

    @Bean(destroyMethod = "close")
    RunnerClient runnerClient(UrlGuard guard) {
        return new RunnerClient(guard);
    }

    @Bean
    CallMediaClient callMediaClient(RpcClient rpc, Topology topology) {
        return new CallMediaClient(rpc, topology);
    }

    @Bean
    MediaAttacher mediaAttacher(CallMediaClient calls, AudioSocketServer server, PipecatProperties properties) {
        String address = properties.advertisedAddress().isBlank()
                ? properties.audiosocketHost() + ":" + server.port()
                : properties.advertisedAddress();
        return new MediaAttacher(calls, () -> address);
    }

    @Bean(destroyMethod = "close")
    ToolEndpointClient toolEndpointClient(UrlGuard guard, JsonMapper json, PipecatProperties properties) {
        return new ToolEndpointClient(guard, json, properties.toolTimeout());
    }

    @Bean
    ToolDispatcher toolDispatcher(CallMediaClient calls, ToolEndpointClient endpoints, JsonMapper json,
            PipecatProperties properties) {
        return new ToolDispatcher(calls, endpoints, json,
                Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("tool-", 0).factory()),
                properties.toolTimeout());
    }
}
