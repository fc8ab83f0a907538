package net.voipbin.callmanager.ari;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.DirectMessageListenerContainer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import net.voipbin.callmanager.config.CallManagerProperties;
import net.voipbin.rpc.config.VoipbinProperties;
import net.voipbin.rpc.event.ConfirmedSender;
import net.voipbin.rpc.event.AsyncEventHandler;
import net.voipbin.rpc.event.EventConsumer;
import net.voipbin.rpc.topology.Topology;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ARI event inbox: the fanout exchange and durable queue {@code asterisk.all.event} (declared here
 * too, so call-manager can start before any proxy), its dead queue {@code asterisk.all.event.dead}, and
 * one consumer feeding the {@link ChannelLanes}.
 */
@Configuration(proxyBeanMethods = false)
class AriIntakeConfiguration {

    @Bean
    Declarables asteriskEventTopology(Topology topology) {
        FanoutExchange exchange = new FanoutExchange(topology.asteriskEvents(), true, false);
        Queue queue = new Queue(topology.asteriskEvents(), true, false, false);
        return new Declarables(exchange, queue, BindingBuilder.bind(queue).to(exchange),
                new Queue(deadQueue(topology), true, false, false));
    }

    @Bean(destroyMethod = "close")
    ChannelLanes channelLanes(AriEventRouter router, JsonMapper json, ConfirmedSender sender, Topology topology,
            VoipbinProperties voipbin, CallManagerProperties properties) {
        EventConsumer consumer = new EventConsumer(AsyncEventHandler.blocking(router), json, sender,
                topology.asteriskEvents(), deadQueue(topology), voipbin.events().maxAttempts());
        return new ChannelLanes(properties.lanes(), consumer);
    }

    @Bean
    DirectMessageListenerContainer ariEventContainer(@Qualifier("rabbitConnectionFactory") ConnectionFactory factory,
            ChannelLanes lanes, Topology topology, CallManagerProperties properties) {
        DirectMessageListenerContainer container = new DirectMessageListenerContainer(factory);
        container.setQueueNames(topology.asteriskEvents());
        // One consumer keeps the queue's order; the lanes provide the parallelism.
        container.setConsumersPerQueue(1);
        container.setPrefetchCount(properties.prefetch());
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        container.setMessageListener(lanes);
        return container;
    }

    static String deadQueue(Topology topology) {
        return topology.asteriskEvents() + ".dead";
    }
}
