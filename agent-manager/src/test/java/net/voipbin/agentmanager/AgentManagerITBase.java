package net.voipbin.agentmanager;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import net.voipbin.contract.agentmanager.Agent;
import net.voipbin.contract.agentmanager.AgentManagerClient;
import net.voipbin.rpc.auth.JwtTokens;
import net.voipbin.rpc.client.RpcClient;
import net.voipbin.rpc.topology.Topology;
import net.voipbin.testsupport.Http;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.json.JsonMapper;

/**
 * One agent-manager on real PostgreSQL and RabbitMQ, shared by the IT classes that extend this (one cached
 * context), deadlines swept every 200 ms. Each test has its own customer (so its own agents) and its own event
 * recorder; it drives the service as its users do: REST with the customer's token, RPC through the typed
 * client queue-manager uses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "voipbin.agent-manager.deadline-sweep=200ms")
public abstract class AgentManagerITBase {

    protected static final Duration DEADLINE = Duration.ofSeconds(15);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "agent-manager");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JsonMapper json;

    @Autowired
    private RpcClient rpc;

    @Autowired
    private Topology topology;

    protected AgentManagerClient agents;
    protected EventRecorder events;
    protected UUID customer;
    protected String token;

    @BeforeEach
    void customerAndRecorder() throws Exception {
        agents = new AgentManagerClient(rpc, topology);
        events = new EventRecorder(topology.eventExchange(), json);
        customer = UUID.randomUUID();
        token = tokenFor(customer);
    }

    @AfterEach
    void closeRecorder() throws Exception {
        events.close();
    }

    protected static String tokenFor(UUID customer) {
        return JwtTokens.mint(TestInfra.JWT_SECRET, customer, Duration.ofHours(1));
    }

    protected String api(String path) {
        return "http://127.0.0.1:" + port + "/v1.0" + path;
    }

    /** An agent of this test's customer with an extension address and skills like {@code "english:80"}. */
    protected Agent createAgent(String name, String... skills) {
        String skillJson = List.of(skills).stream().map(s -> s.split(":"))
                .map(s -> "{\"name\":\"" + s[0] + "\",\"level\":" + s[1] + "}").collect(Collectors.joining(",", "[", "]"));
        Http.Response response = Http.post(api("/agents"), token, "{\"name\":\"" + name
                + "\",\"addresses\":[{\"type\":\"extension\",\"target\":\"" + Math.abs(name.hashCode()) + "\"}],"
                + "\"skills\":" + skillJson + "}");
        if (response.status() != 201) {
            throw new AssertionError("create agent: " + response);
        }
        return json.readValue(response.body(), Agent.class);
    }

    /** Agents created one after another and made available, in that order. */
    protected List<Agent> availableAgents(String... names) {
        return List.of(names).stream().map(name -> setStatus(createAgent(name, "sales:50").id(), "available")).toList();
    }

    protected Agent setStatus(UUID agentId, String status) {
        Http.Response response = Http.put(api("/agents/" + agentId + "/status"), token, "{\"status\":\"" + status + "\"}");
        if (response.status() != 200) {
            throw new AssertionError("set status: " + response);
        }
        return json.readValue(response.body(), Agent.class);
    }

    /** The agent as its customer reads it over REST. */
    protected Agent read(UUID agentId) {
        Http.Response response = Http.get(api("/agents/" + agentId), token);
        if (response.status() != 200) {
            throw new AssertionError("read agent: " + response);
        }
        return json.readValue(response.body(), Agent.class);
    }
}
