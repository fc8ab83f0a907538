package net.voipbin.queuemanager;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import net.voipbin.contract.agentmanager.AgentManagerClient;
import net.voipbin.contract.queuemanager.QueueManagerClient;
import net.voipbin.contract.queuemanager.Queuecall;
import net.voipbin.contract.queuemanager.QueuecallCreate;
import net.voipbin.queuemanager.support.AgentManagerProcess;
import net.voipbin.queuemanager.support.CallManagerFake;
import net.voipbin.queuemanager.support.EventRecorder;
import net.voipbin.rpc.auth.JwtTokens;
import net.voipbin.rpc.client.RpcClient;
import net.voipbin.rpc.event.EventPublisher;
import net.voipbin.rpc.topology.Topology;
import net.voipbin.testsupport.Http;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * queue-manager on real PostgreSQL and RabbitMQ with the real agent-manager (a process on the same namespace)
 * and call-manager as {@link CallManagerFake} (agents' originate plans: answer, busy, never). Each test has its
 * own customer, so its own agents and queues, and its own event recorder.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "voipbin.queue-manager.deadline-sweep=200ms")
public abstract class QueueManagerITBase {

    protected static final Duration DEADLINE = Duration.ofSeconds(20);
    protected static final String NAMESPACE = TestInfra.uniqueNamespace();
    protected static final String SCHEMA = TestInfra.uniqueSchema("queue-manager");
    protected static final AgentManagerProcess AGENT_MANAGER = AgentManagerProcess.start(NAMESPACE);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        var db = TestInfra.postgres();
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
        registry.add("spring.datasource.hikari.schema", () -> SCHEMA);
        registry.add("spring.flyway.schemas", () -> SCHEMA);
        registry.add("spring.rabbitmq.addresses", TestInfra.rabbit()::uri);
        registry.add("voipbin.amqp.namespace", () -> NAMESPACE);
        registry.add("voipbin.auth.jwt-secret", () -> TestInfra.JWT_SECRET);
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
    @Autowired
    protected EventPublisher publisher;

    protected CallManagerFake calls;
    protected EventRecorder events;
    protected QueueManagerClient queueManager;
    protected AgentManagerClient agentManager;
    protected UUID customer;
    protected String token;

    @BeforeEach
    void fleet() throws Exception {
        calls = new CallManagerFake(connectionFactory, json, topology.requestQueue("call-manager"), publisher,
                topology.eventExchange());
        events = new EventRecorder(topology.eventExchange(), json);
        queueManager = new QueueManagerClient(rpc, topology);
        agentManager = new AgentManagerClient(rpc, topology);
        customer = UUID.randomUUID();
        token = JwtTokens.mint(TestInfra.JWT_SECRET, customer, Duration.ofHours(1));
        await("agent-manager up").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> AGENT_MANAGER.alive() && agentManager.list(customer, null, null, 1, null) != null);
    }

    @AfterEach
    void stopFleet() throws Exception {
        calls.close();
        events.close();
    }

    protected String api(String path) {
        return "http://127.0.0.1:" + port + "/v1.0" + path;
    }

    /** An available agent of this test's customer, rung at the extension {@code name} ({@code skills} like "sales:50"). */
    protected UUID agent(String name, String... skills) {
        String skillJson = String.join(",", List.of(skills).stream().map(s -> s.split(":"))
                .map(s -> "{\"name\":\"" + s[0] + "\",\"level\":" + s[1] + "}").toList());
        Http.Response created = Http.post(AGENT_MANAGER.api("/agents"), token, "{\"name\":\"" + name
                + "\",\"addresses\":[{\"type\":\"extension\",\"target\":\"" + name + "\"}],\"skills\":[" + skillJson + "]}");
        if (created.status() != 201) {
            throw new AssertionError("create agent: " + created);
        }
        UUID id = UUID.fromString(json.readTree(created.body()).get("id").asString());
        agentStatus(id, "available");
        return id;
    }

    protected void agentStatus(UUID agentId, String status) {
        Http.Response r = Http.put(AGENT_MANAGER.api("/agents/" + agentId + "/status"), token,
                "{\"status\":\"" + status + "\"}");
        if (r.status() != 200) {
            throw new AssertionError("agent status: " + r);
        }
    }

    protected String agentStatusNow(UUID agentId) {
        return agentManager.get(customer, agentId).status().wireName();
    }

    protected UUID queue(String body) {
        Http.Response r = Http.post(api("/queues"), token, body);
        if (r.status() != 201) {
            throw new AssertionError("create queue: " + r);
        }
        return UUID.fromString(json.readTree(r.body()).get("id").asString());
    }

    /** flow-manager's queue_join for a new caller named {@code name}: the caller's call id and the queuecall. */
    protected Queuecall join(UUID queueId, String name) {
        return join(queueId, name, java.util.Map.of());
    }

    protected Queuecall join(UUID queueId, String name, java.util.Map<String, String> variables) {
        UUID call = calls.caller(name, customer);
        return queueManager.join(new QueuecallCreate(customer, queueId, "call", call, UUID.randomUUID(), variables));
    }

    protected Queuecall read(Queuecall q) {
        return queueManager.get(customer, q.id());
    }

    protected JsonNode get(String path) {
        Http.Response r = Http.get(api(path), token);
        if (r.status() != 200) {
            throw new AssertionError("GET " + path + ": " + r);
        }
        return json.readTree(r.body());
    }
}
