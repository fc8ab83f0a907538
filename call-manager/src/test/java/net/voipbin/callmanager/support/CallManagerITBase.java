package net.voipbin.callmanager.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import net.voipbin.asterisksim.AsteriskSim;
import net.voipbin.asterisksim.RecordedRequest;
import net.voipbin.asterisksim.SimConfig;
import net.voipbin.callmanager.call.CallRepository;
import net.voipbin.callmanager.call.CallRow;
import net.voipbin.contract.callmanager.CallManagerClient;
import net.voipbin.contract.callmanager.CallStatus;
import net.voipbin.contract.flowmanager.FlowManagerClient;
import net.voipbin.rpc.auth.JwtTokens;
import net.voipbin.rpc.client.RpcClient;
import net.voipbin.rpc.topology.Topology;
import net.voipbin.testsupport.Http;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One call-manager on real PostgreSQL and RabbitMQ, the ARI simulator behind the real asterisk-proxy, flow-manager
 * played by a real RPC server, and a recorder of the events call-manager publishes. Shared by every IT
 * class (one Spring context); each test uses its own customer, numbers and channels.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "voipbin.call-manager.tts.engine=prompt",
        "voipbin.call-manager.dial-timeout=5s",
        "voipbin.events.max-attempts=2",
        "voipbin.call-manager.sweep-period=500ms"})
public abstract class CallManagerITBase {

    /** Simulated time runs 100x faster: a 2 s prompt plays in 20 ms, an originate answers in 10 ms. */
    protected static final AsteriskSim SIM = AsteriskSim.start(SimConfig.defaults().withTimeScale(0.01));
    protected static final Duration WAIT = Duration.ofSeconds(10);

    private static String wiredNamespace;
    protected static AsteriskEdge proxy;
    protected static FlowManagerResponder flows;
    protected static EventRecorder events;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "call-manager");
        registry.add("voipbin.call-manager.echo.bind", () -> "127.0.0.1");
    }

    @LocalServerPort
    protected int port;
    @Value("${voipbin.amqp.namespace}")
    protected String namespace;
    @Autowired
    @Qualifier("rabbitConnectionFactory")
    protected ConnectionFactory connectionFactory;
    @Autowired
    protected JsonMapper json;
    @Autowired
    protected Topology topology;
    @Autowired
    protected RpcClient rpc;
    @Autowired
    protected CallRepository callRows;

    protected CallManagerClient client;
    protected UUID customer;
    protected String token;

    @BeforeEach
    void wire() {
        synchronized (CallManagerITBase.class) {
            if (!namespace.equals(wiredNamespace)) {
                flows = new FlowManagerResponder(connectionFactory, json, topology.requestQueue(FlowManagerClient.SERVICE));
                events = new EventRecorder(connectionFactory, json, topology.eventExchange(), namespace + "test.recorder");
                proxy = new AsteriskEdge(SIM, json, topology);
                wiredNamespace = namespace;
            }
        }
        client = new CallManagerClient(rpc, topology);
        customer = UUID.randomUUID();
        token = tokenFor(customer);
    }

    protected static String tokenFor(UUID customerId) {
        return JwtTokens.mint(TestInfra.JWT_SECRET, customerId, Duration.ofHours(1));
    }

    protected String api(String path) {
        return "http://127.0.0.1:" + port + "/v1.0" + path;
    }

    protected JsonNode read(Http.Response response, int status) {
        if (response.status() != status) {
            throw new AssertionError("expected " + status + " but got " + response);
        }
        return response.body().isBlank() ? null : json.readTree(response.body());
    }

    /** A fresh E.164 number of this customer, running a fresh flow id. */
    protected String ownNumber() {
        String number = "+1555" + (1_000_000 + (long) (Math.random() * 8_999_999));
        read(Http.post(api("/numbers"), token, "{\"number\":\"" + number + "\",\"flow_id\":\"" + UUID.randomUUID()
                + "\",\"name\":\"test\"}"), 201);
        return number;
    }

    /** A caller dials {@code number}; returns the call once call-manager created it. */
    protected CallRow inbound(String number) {
        String channel = SIM.placeInboundCall("+15559990000", number);
        return await().atMost(WAIT).until(() -> callRows.findByChannel(channel), java.util.Optional::isPresent).get();
    }

    /** An inbound call to one of this customer's numbers, answered by the flow's request. */
    protected CallRow answeredInbound() {
        CallRow call = inbound(ownNumber());
        await().atMost(WAIT).until(() -> flows.startedFor(call.id()));
        client.answer(call.id());
        return awaitStatus(call.id(), CallStatus.PROGRESSING);
    }

    protected CallRow awaitStatus(UUID callId, CallStatus status) {
        return await().atMost(WAIT).until(() -> callRows.find(callId).orElseThrow(), c -> c.status() == status);
    }

    /** The ARI requests the simulator received for one channel, as "METHOD /path". */
    protected List<String> requestsFor(String channelId) {
        return SIM.requests().stream().filter(r -> r.path().contains(channelId))
                .map(r -> r.method() + " " + r.path().replace("/" + channelId, "/{ch}")).toList();
    }

    protected List<RecordedRequest> simRequests() {
        return SIM.requests();
    }
}
