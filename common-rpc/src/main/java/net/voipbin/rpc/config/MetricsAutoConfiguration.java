package net.voipbin.rpc.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import net.voipbin.rpc.metrics.FleetMetrics;
import net.voipbin.rpc.metrics.QueueDepths;
import net.voipbin.rpc.topology.Topology;

/**
 * The fleet's meters on the service's registry, which Spring Boot exports at {@code /actuator/prometheus}
 * (an operator's token, like the rest of the actuator beyond health).
 */
@AutoConfiguration(beforeName = "net.voipbin.rpc.config.WireAutoConfiguration")
public class MetricsAutoConfiguration {

    @Bean
    FleetMetrics fleetMetrics(ObjectProvider<MeterRegistry> registry) {
        return new FleetMetrics(registry.getIfAvailable(CompositeMeterRegistry::new));
    }

    @Bean
    QueueDepths queueDepths(@Qualifier("rabbitConnectionFactory") ConnectionFactory connectionFactory,
            Map<String, WatchedListenerContainer> containers, FleetMetrics metrics, Topology topology,
            ServiceName service, VoipbinProperties properties) {
        List<String> consumed = new ArrayList<>();
        containers.values().forEach(container -> consumed.addAll(Arrays.asList(container.getQueueNames())));
        RabbitAdmin admin = new RabbitAdmin(connectionFactory);
        admin.setAutoStartup(false);
        return new QueueDepths(admin, metrics.registry(), consumed, List.of(topology.deadQueue(service.value())),
                properties.metrics().queueSampleInterval());
    }
}
