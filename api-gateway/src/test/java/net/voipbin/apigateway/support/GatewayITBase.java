package net.voipbin.apigateway.support;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import net.voipbin.apigateway.ApiGatewayApplication;
import net.voipbin.apigateway.routing.RouteTable;
import net.voipbin.rpc.auth.JwtTokens;
import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.event.EventPublisher;
import net.voipbin.rpc.topology.Topology;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.json.JsonMapper;

/**
 * One gateway on the real RabbitMQ, in front of a stub per service (shared by the IT classes that extend
 * this: one cached context). A service that does not answer in 2 s is down; a customer may send 5
 * requests at once, then 5 more 5 s later (so that a slow test machine still fits the burst in its window);
 * a live client may fall 256 events behind. Each test uses its own customers.
 */
@SpringBootTest(classes = ApiGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "voipbin.gateway.connect-timeout=1s",
                "voipbin.gateway.read-timeout=2s",
                "voipbin.gateway.rate-limit.requests-per-second=1",
                "voipbin.gateway.rate-limit.burst=5",
                "voipbin.gateway.events.client-buffer=256"})
public abstract class GatewayITBase {

    protected static final Map<String, ServiceStub> SERVICES = stubs();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "api-gateway");
        SERVICES.forEach((name, stub) -> registry.add("voipbin.gateway.services." + name, stub::url));
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected EventPublisher publisher;

    @Autowired
    protected Topology topology;

    @Autowired
    protected JsonMapper json;

    protected String base() {
        return "http://127.0.0.1:" + port;
    }

    protected static String tokenFor(UUID customer) {
        return JwtTokens.mint(TestInfra.JWT_SECRET, customer, Duration.ofHours(1));
    }

    /** An event as a service publishes it on the bus: the resource, carrying its customer. */
    protected void publish(String publisherName, String type, UUID customer, Map<String, Object> fields) {
        Map<String, Object> data = new java.util.LinkedHashMap<>(fields);
        data.put("customer_id", customer.toString());
        publisher.send(topology.eventExchange(), new Event(type, publisherName, java.time.Instant.now(),
                json.valueToTree(data)));
    }

    private static Map<String, ServiceStub> stubs() {
        Map<String, ServiceStub> stubs = new TreeMap<>();
        RouteTable.owners().values().forEach(service -> stubs.computeIfAbsent(service, ServiceStub::new));
        stubs.put("pipecat-manager", new ServiceStub("pipecat-manager"));
        return stubs;
    }
}
