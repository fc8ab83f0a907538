package net.voipbin.outdialmanager.support;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import net.voipbin.contract.outdialmanager.OutdialManagerClient;
import net.voipbin.rpc.auth.JwtTokens;
import net.voipbin.rpc.client.RpcClient;
import net.voipbin.rpc.topology.Topology;
import net.voipbin.testsupport.Http;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One outdial-manager on real PostgreSQL and RabbitMQ, shared by the IT classes that extend this (one
 * cached context). Each test has its own customer; {@link #dialer} is campaign-manager's typed client,
 * going over the broker like campaign-manager's requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class OutdialManagerITBase {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "outdial-manager");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JsonMapper json;

    @Autowired
    protected Topology topology;

    @Autowired
    protected RpcClient rpc;

    @Autowired
    protected ConnectionFactory connectionFactory;

    protected OutdialManagerClient dialer;
    protected EventRecorder events;
    protected UUID customer;
    protected String token;

    @BeforeEach
    void customerAndDialer() {
        customer = UUID.randomUUID();
        token = tokenFor(customer);
        dialer = new OutdialManagerClient(rpc, topology);
        events = new EventRecorder(connectionFactory, json, topology.eventExchange(),
                "test-events-" + UUID.randomUUID());
    }

    @AfterEach
    void stopRecorder() {
        events.close();
    }

    protected static String tokenFor(UUID customer) {
        return JwtTokens.mint(TestInfra.JWT_SECRET, customer, Duration.ofHours(1));
    }

    protected String api(String path) {
        return "http://127.0.0.1:" + port + "/v1.0" + path;
    }

    /** The body of a response that must have {@code status}. */
    protected JsonNode read(Http.Response response, int status) {
        if (response.status() != status) {
            throw new AssertionError("expected " + status + ", got " + response);
        }
        return response.body() == null || response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
    }

    protected UUID createOutdial(String name) {
        return UUID.fromString(read(Http.post(api("/outdials"), token, "{\"name\":\"" + name + "\"}"), 201)
                .path("id").asString());
    }

    protected UUID createTarget(UUID outdial, String body) {
        return UUID.fromString(read(Http.post(api("/outdials/" + outdial + "/targets"), token, body), 201)
                .path("id").asString());
    }
}
