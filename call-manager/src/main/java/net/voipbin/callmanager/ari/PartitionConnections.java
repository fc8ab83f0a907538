package net.voipbin.callmanager.ari;

import java.util.concurrent.Executors;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory.CacheMode;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.amqp.autoconfigure.CachingConnectionFactoryConfigurer;

import net.voipbin.rpc.topology.AriPartitions;

/**
 * The partition consumers' connections, configured like the service's main one but one per consumer.
 * A broker refuses a second exclusive consumer of a queue, and Qpid Broker-J does so by closing the
 * whole connection (RabbitMQ only the channel): on a shared connection, every attempt of a standby
 * instance to take a partition over would take its other consumers down with it. Not a
 * {@code ConnectionFactory} bean, so everything else keeps injecting the main factory unambiguously.
 */
final class PartitionConnections implements DisposableBean {

    private final CachingConnectionFactory factory;

    PartitionConnections(CachingConnectionFactory main, CachingConnectionFactoryConfigurer configurer,
            AriPartitions partitions) {
        this.factory = new CachingConnectionFactory(main.getRabbitConnectionFactory());
        configurer.configure(factory);
        factory.setCacheMode(CacheMode.CONNECTION);
        // A refused attempt hands its connection back (RabbitMQ keeps it open): kept, the next attempt reuses it.
        factory.setConnectionCacheSize(partitions.count() + 2);
        factory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.NONE);
        factory.setPublisherReturns(false);
        factory.setExecutor(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("ari-amqp-", 0).factory()));
        factory.setBeanName("ariPartitionConnectionFactory");
    }

    CachingConnectionFactory factory() {
        return factory;
    }

    @Override
    public void destroy() {
        factory.destroy();
    }
}
