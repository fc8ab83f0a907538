package net.voipbin.rpc.config;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.AbstractConnectionFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.core.MessageListener;
import org.springframework.amqp.rabbit.listener.AbstractMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.DirectMessageListenerContainer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.amqp.autoconfigure.CachingConnectionFactoryConfigurer;
import org.springframework.boot.amqp.autoconfigure.ConnectionFactoryCustomizer;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import org.springframework.core.env.Environment;

import jakarta.validation.Validator;
import net.voipbin.rpc.client.RpcClient;
import net.voipbin.rpc.event.ConfirmedSender;
import net.voipbin.rpc.event.EventConsumer;
import net.voipbin.rpc.event.EventPublisher;
import net.voipbin.rpc.event.EventSubscriber;
import net.voipbin.rpc.event.EventSubscriptions;
import net.voipbin.rpc.event.InstanceEventSubscriber;
import net.voipbin.rpc.event.OrderedPublisher;
import net.voipbin.rpc.json.Json;
import net.voipbin.rpc.metrics.FleetMetrics;
import net.voipbin.rpc.outbox.OutboxRelay;
import net.voipbin.rpc.server.RpcEndpoint;
import net.voipbin.rpc.server.RpcRouter;
import net.voipbin.rpc.server.RpcServer;
import net.voipbin.rpc.topology.Topology;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a service gets by depending on common-rpc: its topology declared, an RPC server on its request
 * queue serving every {@link RpcEndpoint}, an {@link RpcClient}, an {@link EventPublisher} and, when it
 * has {@link EventSubscriber}s, a consumer on its subscribe queue bound to exactly their events.
 */
@AutoConfiguration(after = {RabbitAutoConfiguration.class, JacksonAutoConfiguration.class})
@EnableConfigurationProperties(VoipbinProperties.class)
public class WireAutoConfiguration {

    private static final long RECOVERY_INTERVAL_MILLIS = 1_000;
    static final int CLIENT_MAX_INBOUND_BYTES = 512 * 1024 * 1024;
    private static final Duration CONSUMER_GRACE = Duration.ofSeconds(5);

    @Bean
    JsonMapperBuilderCustomizer voipbinJsonDialect() {
        return Json::configure;
    }

    @Bean
    @ConditionalOnMissingBean
    JsonMapper jsonMapper() {
        return Json.newMapper();
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ServiceName serviceName(VoipbinProperties properties, Environment environment) {
        String name = properties.service().name();
        return new ServiceName(name != null && !name.isBlank() ? name : environment.getRequiredProperty("spring.application.name"));
    }

    @Bean
    Topology topology(VoipbinProperties properties) {
        return new Topology(properties.amqp().namespace(), properties.amqp().eventExchange());
    }

    /**
     * Consumers may block on downstream RPC: dispatch deliveries on virtual threads, not on the
     * client's default pool of two threads per core.
     */
    @Bean
    static BeanPostProcessor voipbinConsumerThreads() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractConnectionFactory factory) {
                    factory.setExecutor(virtualThreads());
                }
                return bean;
            }
        };
    }

    /** Every listener container's messages are handled with this service named in the logging MDC. */
    @Bean
    static BeanPostProcessor voipbinServiceTag(ObjectProvider<ServiceName> service) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractMessageListenerContainer container
                        && container.getMessageListener() instanceof MessageListener listener
                        && !(listener instanceof ServiceTaggedListener)) {
                    container.setMessageListener(new ServiceTaggedListener(service.getObject().value(), listener));
                }
                return bean;
            }
        };
    }

    /**
     * After a broker restart a consumer is back within about a second of the broker (Spring AMQP's
     * defaults, 5 s recovery and a 10 s monitor, made a restart cost the fleet 3-9 s).
     */
    static <C extends DirectMessageListenerContainer> C quicklyRecovering(C container) {
        container.setRecoveryInterval(RECOVERY_INTERVAL_MILLIS);
        container.setMonitorInterval(RECOVERY_INTERVAL_MILLIS);
        return container;
    }

    /**
     * The client's own inbound limit (64 MiB by default) is raised to RabbitMQ's ceiling (512 MiB; a broker's
     * {@code max_message_size} is at most that): over it the client closes the whole connection, the broker
     * hands the message to the next consumer, and intake stops everywhere. Below it every consumer gets the
     * message and judges its size itself ({@code voipbin.events.max-size}, {@code voipbin.rpc.max-request-size}).
     */
    @Bean
    ConnectionFactoryCustomizer voipbinInboundLimit() {
        return factory -> factory.setMaxInboundMessageBodySize(CLIENT_MAX_INBOUND_BYTES);
    }

    /** Reports a listener container that consumes nothing (see {@link ConsumersHealthIndicator}). */
    @Bean
    ConsumersHealthIndicator consumersHealthIndicator(Map<String, WatchedListenerContainer> containers) {
        return new ConsumersHealthIndicator(containers, CONSUMER_GRACE);
    }

    private static ExecutorService virtualThreads() {
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("amqp-", 0).factory());
    }

    @Bean
    Declarables voipbinTopology(Topology topology, ServiceName service, EventSubscriptions subscriptions) {
        List<Declarable> declarables = new ArrayList<>();
        TopicExchange events = new TopicExchange(topology.eventExchange(), true, false);
        declarables.add(events);
        declarables.add(new Queue(topology.requestQueue(service.value()), true, false, false));
        if (!subscriptions.isEmpty()) {
            Queue inbox = new Queue(topology.subscribeQueue(service.value()), true, false, false);
            declarables.add(inbox);
            declarables.add(new Queue(topology.deadQueue(service.value()), true, false, false));
            for (String key : subscriptions.routingKeys()) {
                Binding binding = BindingBuilder.bind(inbox).to(events).with(key);
                declarables.add(binding);
            }
        }
        return new Declarables(declarables);
    }

    /** The instance's own queue, for {@link InstanceEventSubscriber}s; gone with the instance's connection. */
    @Bean
    InstanceQueue instanceQueue(Topology topology, ServiceName service) {
        return new InstanceQueue(topology.subscribeQueue(service.value()) + ".instance."
                + UUID.randomUUID().toString().substring(0, 8));
    }

    @Bean
    Declarables voipbinInstanceTopology(Topology topology, ServiceName service, InstanceQueue instanceQueue,
            @Qualifier("instanceSubscriptions") EventSubscriptions subscriptions) {
        if (subscriptions.isEmpty()) {
            return new Declarables();
        }
        TopicExchange events = new TopicExchange(topology.eventExchange(), true, false);
        Queue queue = new Queue(instanceQueue.name(), false, true, true);
        List<Declarable> declarables = new ArrayList<>(List.of(events, queue,
                new Queue(topology.deadQueue(service.value()), true, false, false)));
        subscriptions.routingKeys().forEach(key -> declarables.add(BindingBuilder.bind(queue).to(events).with(key)));
        return new Declarables(declarables);
    }

    @Bean
    EventSubscriptions instanceSubscriptions(ObjectProvider<InstanceEventSubscriber> subscribers, JsonMapper json) {
        EventSubscriptions subscriptions = new EventSubscriptions(json);
        subscribers.orderedStream().forEach(subscriber -> subscriber.subscriptions(subscriptions));
        return subscriptions;
    }

    @Bean
    WatchedListenerContainer instanceEventContainer(
            @Qualifier("rabbitConnectionFactory") ConnectionFactory connectionFactory,
            @Qualifier("instanceSubscriptions") EventSubscriptions subscriptions, InstanceQueue instanceQueue,
            JsonMapper json, ConfirmedSender sender, Topology topology, ServiceName service,
            VoipbinProperties properties, FleetMetrics metrics) {
        WatchedListenerContainer container = quicklyRecovering(new WatchedListenerContainer(connectionFactory));
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        container.setMessageListener(new EventConsumer(subscriptions.dispatcher(instanceQueue.name()), json, sender,
                instanceQueue.name(), topology.deadQueue(service.value()), properties.events().maxAttempts(),
                properties.events().maxSize().toBytes(), metrics));
        if (subscriptions.isEmpty()) {
            container.setAutoStartup(false);
        } else {
            container.setQueueNames(instanceQueue.name());
        }
        return container;
    }

    @Bean
    @Primary
    EventSubscriptions eventSubscriptions(ObjectProvider<EventSubscriber> subscribers, JsonMapper json) {
        EventSubscriptions subscriptions = new EventSubscriptions(json);
        subscribers.orderedStream().forEach(subscriber -> subscriber.subscriptions(subscriptions));
        return subscriptions;
    }

    @Bean
    ConfirmedSender confirmedSender(@Qualifier("rabbitConnectionFactory") ConnectionFactory connectionFactory, VoipbinProperties properties) {
        RabbitTemplate template = new RabbitTemplate(connectionFactory);
        template.setUsePublisherConnection(true);
        return new ConfirmedSender(template, properties.events().confirmTimeout());
    }

    @Bean
    OrderedPublisher eventOrderedPublisher(@Qualifier("rabbitConnectionFactory") ConnectionFactory connectionFactory,
            VoipbinProperties properties) {
        return new OrderedPublisher("event-publisher", connectionFactory, properties.events().confirmTimeout(),
                () -> { }, count -> { }, properties.events().maxSize().toBytes());
    }

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(@Qualifier("eventOrderedPublisher") OrderedPublisher eventOrderedPublisher,
            JsonMapper json, Topology topology, ServiceName service, Clock clock, ObjectProvider<OutboxRelay> outbox,
            VoipbinProperties properties) {
        return new EventPublisher(eventOrderedPublisher, json, topology.eventExchange(), service.value(), clock,
                outbox.getIfAvailable(), properties.events().maxSize().toBytes());
    }

    @Bean
    RpcConnection rpcConnection(@Qualifier("rabbitConnectionFactory") CachingConnectionFactory connectionFactory,
            CachingConnectionFactoryConfigurer configurer) {
        return new RpcConnection(connectionFactory, configurer, virtualThreads());
    }

    @Bean
    RpcClient rpcClient(RpcConnection rpcConnection, JsonMapper json, ServiceName service,
            VoipbinProperties properties, FleetMetrics metrics) {
        // Brokers without direct reply-to (Qpid in local mode) get reply-mode=queue.
        boolean directReplyTo = !"queue".equals(properties.rpc().replyMode());
        return new RpcClient(rpcConnection.factory(), directReplyTo, properties.rpc().clientChannels(), json,
                service.value(), properties.rpc().timeout(), metrics);
    }

    @Bean
    RpcRouter rpcRouter(ObjectProvider<RpcEndpoint> endpoints, JsonMapper json, Validator validator) {
        return new RpcRouter(endpoints.orderedStream().toList(), json, validator);
    }

    @Bean
    WatchedListenerContainer rpcServerContainer(RpcConnection rpcConnection, RpcRouter router,
            JsonMapper json, Topology topology, ServiceName service, VoipbinProperties properties,
            FleetMetrics metrics) {
        WatchedListenerContainer container = quicklyRecovering(new WatchedListenerContainer(rpcConnection.factory()));
        container.setQueueNames(topology.requestQueue(service.value()));
        container.setConsumersPerQueue(properties.rpc().serverConsumers());
        container.setPrefetchCount(properties.rpc().serverPrefetch());
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setDefaultRequeueRejected(false);
        container.setMessageListener(new RpcServer(router, json, properties.rpc().maxRequestSize().toBytes(), metrics));
        return container;
    }

    @Bean
    WatchedListenerContainer eventSubscriberContainer(
            @Qualifier("rabbitConnectionFactory") ConnectionFactory connectionFactory,
            EventSubscriptions subscriptions, JsonMapper json, ConfirmedSender sender, Topology topology,
            ServiceName service, VoipbinProperties properties, FleetMetrics metrics) {
        String queue = topology.subscribeQueue(service.value());
        WatchedListenerContainer container = quicklyRecovering(new WatchedListenerContainer(connectionFactory));
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        container.setConsumersPerQueue(properties.events().consumers());
        container.setPrefetchCount(properties.events().prefetch());
        container.setMessageListener(new EventConsumer(subscriptions.dispatcher(queue), json, sender, queue,
                topology.deadQueue(service.value()), properties.events().maxAttempts(),
                properties.events().maxSize().toBytes(), metrics));
        if (subscriptions.isEmpty()) {
            container.setAutoStartup(false);
        } else {
            container.setQueueNames(queue);
        }
        return container;
    }
}
