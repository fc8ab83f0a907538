package net.voipbin.campaignmanager.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import net.voipbin.asterisksim.AsteriskSim;
import net.voipbin.asterisksim.RecordedRequest;
import net.voipbin.asterisksim.SimConfig;
import net.voipbin.rpc.auth.JwtTokens;
import net.voipbin.rpc.topology.Topology;
import net.voipbin.testsupport.Http;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One campaign-manager on real PostgreSQL and RabbitMQ with its real neighbours ({@link Neighbours}),
 * shared by the IT classes (one cached context). Each test has its own customer and its own numbers, so
 * the simulator's originate log can be read per test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "voipbin.campaign.keeper-period=1s", "voipbin.events.max-attempts=3",
        "voipbin.campaign.predictive-min-samples=10"})
public abstract class CampaignITBase {

    /** Simulated time runs 100x faster: "20 s" of ringing before busy is 200 ms. */
    protected static final AsteriskSim SIM = AsteriskSim.start(SimConfig.defaults().withTimeScale(0.01));
    protected static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicInteger NEXT_NUMBER = new AtomicInteger((int) (Math.random() * 5000));

    private static String wiredNamespace;
    protected static Neighbours neighbours;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfra.register(registry, "campaign-manager");
    }

    @LocalServerPort
    protected int port;
    @Value("${voipbin.amqp.namespace}")
    protected String namespace;
    @Autowired
    protected JsonMapper json;
    @Autowired
    protected Topology topology;
    @Autowired
    protected ConnectionFactory connectionFactory;

    protected UUID customer;
    protected String token;
    protected EventRecorder events;

    @BeforeEach
    void wire() {
        synchronized (CampaignITBase.class) {
            if (!namespace.equals(wiredNamespace)) {
                neighbours = new Neighbours(SIM, namespace);
                wiredNamespace = namespace;
            }
        }
        customer = UUID.randomUUID();
        token = JwtTokens.mint(TestInfra.JWT_SECRET, customer, Duration.ofHours(1));
        events = new EventRecorder(connectionFactory, json, topology.eventExchange(), namespace + "test." + UUID.randomUUID());
    }

    @AfterEach
    void unwire() {
        events.close();
    }

    /** A valid US number no other test uses (+1 650 253 xxxx, as outdial-manager's tests). */
    protected static String number() {
        return String.format("+1650253%04d", 5000 + NEXT_NUMBER.getAndIncrement() % 5000);
    }

    protected String api(String path) {
        return "http://127.0.0.1:" + port + "/v1.0" + path;
    }

    protected JsonNode read(Http.Response response, int status) {
        if (response.status() != status) {
            throw new AssertionError("expected " + status + ", got " + response);
        }
        return response.body() == null || response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
    }

    protected UUID id(JsonNode node) {
        return UUID.fromString(node.path("id").asString());
    }

    protected UUID outplan(int dialTimeoutMs, String maxTries, long busyMs, long noAnswerMs, long unavailableMs) {
        return id(read(Http.post(api("/outplans"), token, "{\"name\":\"plan\",\"source\":\"+16502530000\","
                + "\"dial_timeout_ms\":" + dialTimeoutMs + ",\"max_tries\":" + maxTries + ",\"retry_busy_ms\":" + busyMs
                + ",\"retry_no_answer_ms\":" + noAnswerMs + ",\"retry_unavailable_ms\":" + unavailableMs
                + ",\"retry_failed_ms\":1000}"), 201));
    }

    protected UUID outdial(List<List<String>> targets) {
        UUID outdial = id(read(Http.post(neighbours.outdialApi() + "/outdials", token, "{\"name\":\"list\"}"), 201));
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < targets.size(); i++) {
            body.append(i == 0 ? "" : ",").append("{\"name\":\"t").append(i).append("\",\"time_zone\":\"UTC\",\"destinations\":[");
            body.append(String.join(",", targets.get(i).stream().map(n -> "\"" + n + "\"").toList())).append("]}");
        }
        JsonNode imported = read(Http.post(neighbours.outdialApi() + "/outdials/" + outdial + "/targets/import", token,
                body.append("]").toString()), 200);
        if (imported.path("imported").asInt() != targets.size()) {
            throw new AssertionError("import: " + imported);
        }
        return outdial;
    }

    protected UUID campaign(String fields) {
        return id(read(Http.post(api("/campaigns"), token, "{\"name\":\"c\"," + fields + "}"), 201));
    }

    /** Inline actions: the answered call hears a prompt, then the flow hangs up. */
    protected static String talkAndHangup() {
        return "\"actions\":[{\"type\":\"talk\",\"option\":{\"text\":\"hello world\"}},{\"type\":\"hangup\"}]";
    }

    protected JsonNode campaignState(UUID campaign) {
        return read(Http.get(api("/campaigns/" + campaign), token), 200);
    }

    protected JsonNode statistics(UUID campaign) {
        return read(Http.get(api("/campaigns/" + campaign + "/statistics"), token), 200);
    }

    protected List<JsonNode> campaigncalls(UUID campaign) {
        JsonNode page = read(Http.get(api("/campaigns/" + campaign + "/campaigncalls?page_size=100"), token), 200);
        List<JsonNode> rows = new java.util.ArrayList<>();
        page.path("result").forEach(rows::add);
        return rows.reversed();
    }

    protected JsonNode awaitStatus(UUID campaign, String status) {
        return await().atMost(WAIT).until(() -> campaignState(campaign), c -> status.equals(c.path("status").asString()));
    }

    /** The originates the simulator received for {@code number}, oldest first. */
    protected static List<RecordedRequest> originates(String number) {
        return SIM.requests().stream().filter(r -> r.method().equals("POST") && r.path().equals("/ari/channels")
                && r.param("endpoint").orElse("").contains(number)).toList();
    }

    protected JsonNode outdialCounts(UUID outdial) {
        return read(Http.get(neighbours.outdialApi() + "/outdials/" + outdial + "/counts", token), 200);
    }
}
