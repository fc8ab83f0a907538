package net.voipbin.conferencemanager.support;

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

import net.voipbin.contract.conferencemanager.ConferenceManagerClient;
import net.voipbin.rpc.auth.JwtTokens;
import net.voipbin.rpc.client.RpcClient;
import net.voipbin.rpc.event.EventPublisher;
import net.voipbin.rpc.topology.Topology;
import net.voipbin.testsupport.Http;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One conference-manager on real PostgreSQL and RabbitMQ, with a call-manager speaking the confbridge
 * routes and events on its real queue, and a recorder of conference-manager's events. Each test has its own
 * customer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"voipbin.conference.timeout-sweep=100ms", "voipbin.conference.recovery-after=1s",
                "voipbin.conference.recovery-interval=200ms"})
public abstract class ConferenceManagerITBase {

    protected static final Duration WAIT = Duration.ofSeconds(10);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "conference-manager");
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected ConnectionFactory connectionFactory;
    @Autowired
    protected JsonMapper json;
    @Autowired
    protected Topology topology;
    @Autowired
    protected EventPublisher publisher;
    @Autowired
    protected RpcClient rpc;

    protected CallManagerFake callManager;
    protected EventRecorder events;
    protected ConferenceManagerClient client;
    protected UUID customer;
    protected String token;

    @BeforeEach
    void fleet() {
        callManager = new CallManagerFake(connectionFactory, json, topology.requestQueue("call-manager"), publisher,
                topology.eventExchange());
        events = new EventRecorder(connectionFactory, json, topology.eventExchange(),
                topology.requestQueue("conference-manager") + ".recorder." + UUID.randomUUID());
        client = new ConferenceManagerClient(rpc, topology);
        customer = UUID.randomUUID();
        token = JwtTokens.mint(TestInfra.JWT_SECRET, customer, Duration.ofHours(1));
    }

    @AfterEach
    void stopFleet() {
        callManager.close();
        events.close();
    }

    protected String api(String path) {
        return "http://127.0.0.1:" + port + "/v1.0" + path;
    }

    protected JsonNode createConference(String body) {
        Http.Response response = Http.post(api("/conferences"), token, body);
        if (response.status() != 201) {
            throw new AssertionError("create conference: " + response);
        }
        return json.readTree(response.body());
    }

    protected JsonNode get(String path) {
        Http.Response response = Http.get(api(path), token);
        if (response.status() != 200) {
            throw new AssertionError("GET " + path + ": " + response);
        }
        return json.readTree(response.body());
    }

    protected static UUID id(JsonNode node) {
        return UUID.fromString(node.get("id").asString());
    }
}
