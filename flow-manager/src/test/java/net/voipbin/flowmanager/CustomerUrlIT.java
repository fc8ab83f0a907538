package net.voipbin.flowmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import net.voipbin.contract.flowmanager.Activeflow;
import net.voipbin.contract.flowmanager.ActiveflowCreate;
import net.voipbin.contract.flowmanager.FlowManagerClient;
import net.voipbin.fakecallmanager.CallManagerResponder;
import net.voipbin.rpc.json.Json;
import net.voipbin.testsupport.Http;
import tools.jackson.databind.json.JsonMapper;

/** webhook_send and fetch (dynamic IVR) against a real HTTP endpoint of the customer. */
class CustomerUrlIT {

    private static final JsonMapper JSON = Json.newMapper();
    private static final Duration DEADLINE = Duration.ofSeconds(15);

    private static FleetHarness fleet;
    private HttpServer customerSite;
    private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
    private final Map<String, String> signatures = new ConcurrentHashMap<>();
    private final UUID customer = UUID.randomUUID();
    private final UUID call = UUID.randomUUID();

    @BeforeAll
    static void startFleet() {
        fleet = FleetHarness.shared();
    }

    @BeforeEach
    void startCustomerSite() throws IOException {
        fleet.responder().heldOperations.clear();
        customerSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        customerSite.createContext("/hook", exchange -> answer(exchange, "{\"tier\":\"gold\"}"));
        customerSite.createContext("/ivr", exchange -> answer(exchange, "{\"actions\":["
                + "{\"type\":\"talk\",\"option\":{\"text\":\"Hello ${tier} caller\"}},{\"type\":\"hangup\"}]}"));
        // Reads the request and never answers: the fetch must give up at its timeout.
        customerSite.createContext("/slow", exchange -> record(exchange));
        customerSite.start();
    }

    @AfterEach
    void stopCustomerSite() {
        customerSite.stop(0);
    }

    private void answer(HttpExchange exchange, String json) throws IOException {
        record(exchange);
        byte[] out = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, out.length);
        exchange.getResponseBody().write(out);
        exchange.close();
    }

    private void record(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        bodies.put(path, exchange.getRequestBody().readAllBytes());
        String signature = exchange.getRequestHeaders().getFirst("X-VoIPBIN-Signature");
        if (signature != null) {
            signatures.put(path, signature);
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + customerSite.getAddress().getPort() + path;
    }

    private Activeflow run(String actions) {
        var response = Http.post(fleet.api("/flows"), FleetHarness.token(customer),
                "{\"name\":\"dynamic\",\"actions\":" + actions + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        UUID flowId = UUID.fromString(JSON.readTree(response.body()).path("id").asString());
        return new FlowManagerClient(fleet.rpc(), fleet.topology()).create(new ActiveflowCreate(customer, flowId,
                Activeflow.ReferenceType.CALL, call, Map.of("voipbin.call.source", "+15550001")));
    }

    @Test
    void aSyncWebhookSetsVariablesAndFetchedActionsReplaceTheRestOfTheFlow() throws Exception {
        CallManagerResponder callManager = fleet.responder();
        run("[{\"type\":\"answer\"},"
                + "{\"type\":\"webhook_send\",\"option\":{\"url\":\"" + url("/hook") + "\",\"sync\":true}},"
                + "{\"id\":\"fetch\",\"type\":\"fetch\",\"option\":{\"url\":\"" + url("/ivr") + "\",\"secret\":\"s3cret\"}},"
                + "{\"type\":\"talk\",\"option\":{\"text\":\"never reached\"}}]");

        await().atMost(DEADLINE).until(() -> callManager.operations(call).contains("hangup"));
        assertThat(callManager.operations(call)).containsExactly("answer", "talk", "hangup");
        assertThat(callManager.commands(call).get(1).body().path("text").asString()).isEqualTo("Hello gold caller");
        var sent = JSON.readTree(bodies.get("/ivr"));
        assertThat(sent.path("variables").path("voipbin.call.source").asString()).isEqualTo("+15550001");
        assertThat(sent.path("action_id").asString()).isEqualTo("fetch");
        assertThat(signatures.get("/ivr")).isEqualTo(hmac("s3cret", bodies.get("/ivr")));
        assertThat(signatures).doesNotContainKey("/hook");
    }

    @Test
    void aFetchWithoutAnswerInTimeGoesOnAtItsFallback() {
        CallManagerResponder callManager = fleet.responder();
        run("[{\"type\":\"fetch\",\"option\":{\"url\":\"" + url("/slow") + "\",\"timeout_ms\":300,"
                + "\"fallback_target_id\":\"fallback\"}},"
                + "{\"type\":\"talk\",\"option\":{\"text\":\"never reached\"}},"
                + "{\"id\":\"fallback\",\"type\":\"talk\",\"option\":{\"text\":\"Sorry: ${voipbin.fetch.error}\"}}]");

        await().atMost(DEADLINE).until(() -> !callManager.operations(call).isEmpty());
        assertThat(callManager.operations(call)).isEqualTo(List.of("talk"));
        assertThat(callManager.commands(call).getFirst().body().path("text").asString())
                .startsWith("Sorry: no answer from").contains("within 300 ms");
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }
}
