package net.voipbin.conferencemanager.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import net.voipbin.contract.callmanager.CallManagerClient;
import net.voipbin.contract.callmanager.ConfbridgeClient;
import net.voipbin.rpc.client.RpcClient;
import net.voipbin.rpc.topology.Topology;

/** call-manager's typed clients; the timeout sweeper's schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ConferenceManagerConfiguration {

    @Bean
    ConfbridgeClient confbridgeClient(RpcClient rpc, Topology topology) {
        return new ConfbridgeClient(rpc, topology);
    }

    @Bean
    CallManagerClient callManagerClient(RpcClient rpc, Topology topology) {
        return new CallManagerClient(rpc, topology);
    }
}
