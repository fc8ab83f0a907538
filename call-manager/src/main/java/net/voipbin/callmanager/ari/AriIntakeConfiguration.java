package net.voipbin.callmanager.ari;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.amqp.core.AbstractDeclarable;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.amqp.autoconfigure.CachingConnectionFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import net.voipbin.callmanager.config.CallManagerProperties;
import net.voipbin.rpc.config.VoipbinProperties;
import net.voipbin.rpc.config.WatchedListenerContainer;
import net.voipbin.rpc.event.AsyncEventHandler;
import net.voipbin.rpc.event.ConfirmedSender;
import net.voipbin.rpc.event.EventConsumer;
import net.voipbin.rpc.topology.AriPartitions;
import net.voipbin.rpc.topology.Topology;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ARI event inbox: the partition queues behind the direct exchange {@code asterisk.all.event}
 * ({@link AriPartitions}), laid out by {@link PartitionLayout} (call-manager owns them, so it can start
 * before any proxy), the dead queue {@code asterisk.all.event.dead}, and one exclusive consumer per
 * partition feeding the {@link ChannelLanes}. Every instance asks for every partition; the broker gives
 * each to one consumer at a time, and the others ask again every {@code partition-takeover}.
 */
@Configuration(proxyBeanMethods = false)
class AriIntakeConfiguration {

    @Bean
    AriPartitions ariPartitions(Topology topology, CallManagerProperties properties) {
        return new AriPartitions(topology, properties.partitions());
    }

    /**
     * The ARI inbox in one place. RabbitAdmin declares only the dead queue: the exchange (whose type may
     * still be the fanout of before partitions, where a plain declaration fails), the partition queues and
     * the layout's record are {@link PartitionLayout}'s, which declares them once at start instead of on
     * every new connection.
     */
    @Bean
    Declarables ariInbox(AriPartitions partitions) {
        List<AbstractDeclarable> laidOut = new ArrayList<>();
        laidOut.add(new DirectExchange(partitions.exchange(), true, false));
        partitions.queues().forEach(queue -> laidOut.add(new Queue(queue, true, false, false)));
        laidOut.add(new Queue(PartitionLayout.recordQueue(partitions), true, false, false));
        laidOut.forEach(declarable -> declarable.setShouldDeclare(false));
        List<Declarable> inbox = new ArrayList<>(laidOut);
        inbox.add(new Queue(deadQueue(partitions), true, false, false));
        return new Declarables(inbox);
    }

    @Bean(destroyMethod = "destroy")
    PartitionConnections ariPartitionConnections(@Qualifier("rabbitConnectionFactory") CachingConnectionFactory main,
            CachingConnectionFactoryConfigurer configurer, AriPartitions partitions) {
        return new PartitionConnections(main, configurer, partitions);
    }

    @Bean
    PartitionLayout ariPartitionLayout(PartitionConnections connections, AriPartitions partitions, JsonMapper json) {
        return new PartitionLayout(connections.factory(), partitions, json);
    }

    @Bean(destroyMethod = "close")
    ChannelLanes channelLanes(AriEventRouter router, JsonMapper json, ConfirmedSender sender, AriPartitions partitions,
            VoipbinProperties voipbin, CallManagerProperties properties) {
        // An ARI event is forwarded as Asterisk sent it, a few KiB at most: the fleet's event limit holds for it too.
        return ChannelLanes.forPartitions(properties.lanes(), partitions, queue -> new EventConsumer(
                AsyncEventHandler.blocking(router), json, sender, queue, deadQueue(partitions),
                voipbin.events().maxAttempts(), voipbin.events().maxSize().toBytes()));
    }

    @Bean
    WatchedListenerContainer ariEventContainer(PartitionConnections connections, ChannelLanes lanes,
            AriPartitions partitions, CallManagerProperties properties) {
        return partitionContainer(connections.factory(), partitions, lanes, properties.prefetch(),
                properties.partitionTakeover());
    }

    /**
     * One exclusive consumer per partition queue, each on its own connection. A refused one is tried again
     * every {@code takeover}: that is how a partition of a dead instance finds its next consumer. Its phase
     * makes it start after the layout and stop after the lanes drained.
     */
    static WatchedListenerContainer partitionContainer(ConnectionFactory connections, AriPartitions partitions,
            ChannelLanes lanes, int prefetch, Duration takeover) {
        WatchedListenerContainer container = new WatchedListenerContainer(connections);
        // Health reports how many partitions this instance holds; none is a stand-by, not a failure.
        container.setStandbyAllowed(true);
        container.setQueueNames(partitions.queues().toArray(String[]::new));
        container.setConsumersPerQueue(1);
        container.setExclusive(true);
        container.setPrefetchCount(prefetch);
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        container.setFailedDeclarationRetryInterval(takeover.toMillis());
        container.setMonitorInterval(Math.min(1_000, takeover.toMillis()));
        // Another instance holding a partition is the normal case for a standby, not worth a warning each time.
        container.setExclusiveConsumerExceptionLogger((logger, message, cause) -> logger.debug(message + ": " + cause));
        container.setPhase(Integer.MAX_VALUE - 1);
        container.setMessageListener(lanes);
        return container;
    }

    static String deadQueue(AriPartitions partitions) {
        return partitions.exchange() + ".dead";
    }
}
