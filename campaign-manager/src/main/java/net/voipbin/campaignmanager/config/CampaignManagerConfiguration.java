package net.voipbin.campaignmanager.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import net.voipbin.contract.callmanager.CallManagerClient;
import net.voipbin.contract.flowmanager.FlowManagerClient;
import net.voipbin.contract.outdialmanager.OutdialManagerClient;
import net.voipbin.contract.queuemanager.QueueManagerClient;
import net.voipbin.rpc.client.RpcClient;
import net.voipbin.rpc.topology.Topology;

/** The neighbours' typed clients; the pacer's and the lease renewer's schedules. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(CampaignProperties.class)
class CampaignManagerConfiguration {

    @Bean
    OutdialManagerClient outdialManagerClient(RpcClient rpc, Topology topology) {
        return new OutdialManagerClient(rpc, topology);
    }

    @Bean
    CallManagerClient callManagerClient(RpcClient rpc, Topology topology) {
        return new CallManagerClient(rpc, topology);
    }

    @Bean
    FlowManagerClient flowManagerClient(RpcClient rpc, Topology topology) {
        return new FlowManagerClient(rpc, topology);
    }

    @Bean
    QueueManagerClient queueManagerClient(RpcClient rpc, Topology topology) {
        return new QueueManagerClient(rpc, topology);
    }
}
