package net.voipbin.queuemanager.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import net.voipbin.contract.agentmanager.AgentManagerClient;
import net.voipbin.contract.callmanager.CallManagerClient;
import net.voipbin.rpc.client.RpcClient;
import net.voipbin.rpc.topology.Topology;

/** The typed clients of the two services queue-manager drives. */
@Configuration(proxyBeanMethods = false)
class Clients {

    @Bean
    AgentManagerClient agentManagerClient(RpcClient rpc, Topology topology) {
        return new AgentManagerClient(rpc, topology);
    }

    @Bean
    CallManagerClient callManagerClient(RpcClient rpc, Topology topology) {
        return new CallManagerClient(rpc, topology);
    }
}
