package net.voipbin.asteriskproxy.config;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import net.voipbin.asteriskproxy.ari.AriConnectionState;
import net.voipbin.asteriskproxy.ari.AriEventStream;
import net.voipbin.asteriskproxy.ari.AriHealthIndicator;
import net.voipbin.asteriskproxy.ari.AriHttpClient;
import net.voipbin.asteriskproxy.ari.AriRestClient;
import net.voipbin.asteriskproxy.events.AriEventPublisher;
import net.voipbin.asteriskproxy.events.ProxyMetrics;
import net.voipbin.asteriskproxy.rpc.AriRpcListener;
import net.voipbin.rpc.config.VoipbinProperties;
import net.voipbin.rpc.config.WatchedListenerContainer;
import net.voipbin.rpc.event.OrderedPublisher;
import net.voipbin.rpc.metrics.FleetMetrics;
import net.voipbin.rpc.topology.Topology;
import tools.jackson.databind.json.JsonMapper;

/** Wires the edge: topology, ARI REST client with its breaker, the events stream, publisher and RPC. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AsteriskProperties.class)
public class AsteriskProxyConfiguration {

    /**
     * Both RPC queues. The ARI event exchange {@code asterisk.all.event} is not declared here: call-manager
     * owns it with its partition queues and bindings. On RabbitMQ a publish before it exists fails and is
     * sent again until it does, so events wait in the proxy instead of being routed nowhere.
     */
    @Bean
    Declarables asteriskTopology(Topology topology, AsteriskProperties properties) {
        return new Declarables(new Queue(topology.asteriskRequestQueue(properties.id()), true, false, false),
                new Queue(topology.asteriskCallRequestQueue(), true, false, false));
    }

    /** ARI REST's client; closed with the context (its pool's connections and idle evictor). */
    @Bean
    CloseableHttpClient ariRestHttpClient(AsteriskProperties properties) {
        return AriHttpClient.create(properties.rest());
    }

    /**
     * The events WebSocket's client, and only its: the listener runs on the client's selector thread
     * (no hand-over to a new thread per frame). Its one blocking call, queueing a frame for publishing
     * when the queue is full, then stops reading this socket, which is the back-pressure wanted.
     */
    @Bean
    HttpClient ariHttpClient(AsteriskProperties properties) {
        return HttpClient.newBuilder()
                .connectTimeout(properties.rest().connectTimeout())
                .executor(Runnable::run)
                .build();
    }

    @Bean
    CircuitBreaker ariCircuitBreaker(AsteriskProperties properties) {
        return CircuitBreaker.of("ari", CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(3)
                .failureRateThreshold(50)
                .waitDurationInOpenState(properties.rest().openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
    }

    @Bean
    ProxyMetrics proxyMetrics(MeterRegistry registry) {
        return new ProxyMetrics(registry);
    }

    @Bean
    AriConnectionState ariConnectionState() {
        return new AriConnectionState();
    }

    @Bean
    AriHealthIndicator ariHealthIndicator(AriConnectionState state, AsteriskProperties properties) {
        return new AriHealthIndicator(state, properties);
    }

    @Bean
    AriRestClient ariRestClient(AsteriskProperties properties, CloseableHttpClient ariRestHttpClient,
            CircuitBreaker ariCircuitBreaker, ProxyMetrics metrics, JsonMapper json) {
        return new AriRestClient(properties, ariRestHttpClient, ariCircuitBreaker, metrics, json);
    }

    /** The ARI events' own publisher (not the service's event one): its own channel, its own order. */
    @Bean
    OrderedPublisher ariOrderedPublisher(ConnectionFactory connectionFactory, ProxyMetrics metrics,
            VoipbinProperties voipbin) {
        return new OrderedPublisher("ari-publisher", connectionFactory, voipbin.events().confirmTimeout(),
                () -> { }, metrics::eventsOut, voipbin.events().maxSize().toBytes());
    }

    @Bean
    AriEventPublisher ariEventPublisher(@Qualifier("ariOrderedPublisher") OrderedPublisher ariOrderedPublisher,
            Topology topology, AsteriskProperties properties, JsonMapper json, Clock clock) {
        return new AriEventPublisher(ariOrderedPublisher, topology.asteriskEvents(), properties.id(), json, clock);
    }

    @Bean
    AriEventStream ariEventStream(AsteriskProperties properties, HttpClient ariHttpClient, AriRestClient rest,
            AriEventPublisher publisher, AriConnectionState state, ProxyMetrics metrics, JsonMapper json, Clock clock) {
        return new AriEventStream(properties, ariHttpClient, rest, publisher, state, metrics, json, clock);
    }

    @Bean
    WatchedListenerContainer ariRpcContainer(ConnectionFactory connectionFactory, Topology topology,
            AsteriskProperties properties, AriRestClient rest, JsonMapper json, FleetMetrics fleetMetrics,
            VoipbinProperties voipbin) {
        // Watched: the 'consumers' health component is DOWN when it stops consuming, like every RPC server.
        WatchedListenerContainer container = new WatchedListenerContainer(connectionFactory);
        container.setRecoveryInterval(1_000);
        container.setMonitorInterval(1_000);
        container.setQueueNames(List.of(topology.asteriskRequestQueue(properties.id()),
                topology.asteriskCallRequestQueue()).toArray(String[]::new));
        container.setConsumersPerQueue(properties.rest().consumers());
        container.setPrefetchCount(1);
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setDefaultRequeueRejected(false);
        container.setMessageListener(AriRpcListener.server(rest, json,
                voipbin.rpc().maxRequestSize().toBytes(), fleetMetrics));
        return container;
    }
}
