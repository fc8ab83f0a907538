package net.voipbin.callmanager.ari;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory.CacheMode;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.DirectMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.MissingQueueEvent;

import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.event.AsyncEventHandler;
import net.voipbin.rpc.event.ConfirmedSender;
import net.voipbin.rpc.event.EventConsumer;
import net.voipbin.rpc.json.Json;
import net.voipbin.rpc.topology.AriPartitions;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.json.JsonMapper;

/**
 * One call-manager's ARI intake without the rest of call-manager: its own broker connections, the real
 * layout, partition container and lanes, and a handler that records the events it was given. Two of these
 * on one namespace are two call-manager instances as the broker sees them.
 */
final class IntakeInstance implements AutoCloseable {

    static final Duration TAKEOVER = Duration.ofSeconds(1);

    private final JsonMapper json = Json.newMapper();
    private final CachingConnectionFactory main;
    private final CachingConnectionFactory partitionConnections;
    private final PartitionLayout layout;
    private final ChannelLanes lanes;
    private final DirectMessageListenerContainer container;
    private final List<Event> handled = new CopyOnWriteArrayList<>();

    IntakeInstance(AriPartitions partitions, String name) {
        main = new CachingConnectionFactory(URI.create(TestInfra.rabbit().uri()));
        main.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        main.setConnectionNameStrategy(factory -> name);
        partitionConnections = new CachingConnectionFactory(URI.create(TestInfra.rabbit().uri()));
        partitionConnections.setCacheMode(CacheMode.CONNECTION);
        partitionConnections.setConnectionCacheSize(partitions.count() + 2);
        partitionConnections.setConnectionNameStrategy(factory -> name + "-partition");
        layout = new PartitionLayout(partitionConnections, partitions, json);
        ConfirmedSender sender = new ConfirmedSender(new RabbitTemplate(main), Duration.ofSeconds(5));
        AsyncEventHandler recorder = AsyncEventHandler.blocking(handled::add);
        lanes = ChannelLanes.forPartitions(4, partitions, queue -> new EventConsumer(recorder, json, sender, queue,
                AriIntakeConfiguration.deadQueue(partitions), 3));
        container = AriIntakeConfiguration.partitionContainer(partitionConnections, partitions, lanes, 32, TAKEOVER);
        // As the application context would: the layout hears of a partition queue gone missing.
        container.setApplicationEventPublisher(event -> {
            if (event instanceof MissingQueueEvent missing) {
                layout.onApplicationEvent(missing);
            }
        });
        container.afterPropertiesSet();
        partitions.queues().forEach(TestInfra::rememberQueue);
        TestInfra.rememberQueue(AriIntakeConfiguration.deadQueue(partitions));
        TestInfra.rememberQueue(PartitionLayout.recordQueue(partitions));
    }

    /** As the Spring lifecycle does: lay out, consume, then let the lanes take deliveries. */
    IntakeInstance start() {
        layout.start();
        container.start();
        lanes.start();
        return this;
    }

    void layOut() throws Exception {
        layout.ensure();
    }

    List<Event> handled() {
        return List.copyOf(handled);
    }

    /** The instance dies: its connections drop without draining or cancelling anything. */
    void kill() {
        container.setShutdownTimeout(100);
        partitionConnections.resetConnection();
        container.stop();
    }

    @Override
    public void close() {
        lanes.stop();
        container.stop();
        lanes.close();
        partitionConnections.destroy();
        main.destroy();
    }
}
