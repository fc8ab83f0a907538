package net.voipbin.callmanager.config;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import net.voipbin.contract.flowmanager.FlowManagerClient;
import net.voipbin.rpc.client.RpcClient;
import net.voipbin.rpc.topology.Topology;

/** Wiring that belongs to no feature: typed clients, the timer thread. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CallManagerProperties.class)
class CallManagerConfiguration {

    @Bean
    FlowManagerClient flowManagerClient(RpcClient rpc, Topology topology) {
        return new FlowManagerClient(rpc, topology);
    }

    /** Dial and digit timeouts: short tasks, one platform thread is plenty. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService callTimers() {
        return Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("call-timers").daemon().factory());
    }
}
