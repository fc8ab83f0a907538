package net.voipbin.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import net.voipbin.rpc.json.Json;
import net.voipbin.testsupport.BrokerControl;
import net.voipbin.testsupport.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * RabbitMQ stopped for 6 s and started again while callers keep dialing (10 calls/s): every call still
 * ends cleanly, none is stuck live, none is turned away because its flow could not be started while the
 * services reconnected.
 */
class BrokerRestartIT {

    private static final JsonMapper JSON = Json.newMapper();
    /** Notes of a call hung up because its flow never started: the caller was turned away. */
    private static final Set<String> TURNED_AWAY = Set.of("activeflow_failed", "number_not_found", "number_without_flow");
    private static final int RATE = 10;
    private static final int SECONDS = 14;

    private static Fleet fleet;
    private final UUID customer = UUID.randomUUID();
    private final String token = fleet.tokenFor(customer);

    @BeforeAll
    static void startFleet() {
        fleet = Fleet.inboundCalls();
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void callsPlacedAcrossABrokerRestartAllEndCleanlyAndNoneIsTurnedAway() throws Exception {
        String number = numberRunning();
        List<String> channels = new ArrayList<>();
        CompletableFuture<Void> restart = null;
        for (int i = 0; i < RATE * SECONDS; i++) {
            if (i == RATE * 4) {
                restart = CompletableFuture.runAsync(() -> BrokerControl.restart(Duration.ofSeconds(6)));
            }
            channels.add(fleet.sim().placeCall("+1555000" + (1000 + i), number));
            Thread.sleep(1000 / RATE);
        }
        restart.get();

        // Every channel gone from the simulator: each call was hung up by its flow (or ended otherwise).
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> liveChannels().stream().noneMatch(channels::contains));
        Map<String, JsonNode> calls = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(this::callsByChannel, byChannel -> byChannel.keySet().containsAll(channels)
                        && byChannel.values().stream().allMatch(c -> "hangup".equals(c.path("status").asString())));

        List<String> turnedAway = channels.stream().map(calls::get)
                .filter(call -> TURNED_AWAY.contains(call.path("hangup_note").asString(""))).map(JsonNode::toString)
                .toList();
        assertThat(turnedAway).as("callers turned away").isEmpty();
        for (String channel : channels) {
            String activeflowId = calls.get(channel).path("activeflow_id").asString();
            JsonNode activeflow = get(fleet.flowManager("/activeflows/" + activeflowId));
            assertThat(activeflow.path("status").asString()).as("activeflow %s", activeflow).isEqualTo("ended");
        }
    }

    private String numberRunning() {
        String flow = """
                {"name": "greeting", "actions": [
                  {"id": "answer", "type": "answer", "option": {}},
                  {"id": "greet", "type": "talk", "option": {"text": "hello world", "language": "en-US"}},
                  {"id": "bye", "type": "hangup", "option": {"reason": "normal"}}
                ]}""";
        String flowId = created(Http.post(fleet.flowManager("/flows"), token, flow)).path("id").asString();
        String number = "+1555" + (1_000_000 + (long) (Math.random() * 8_999_999));
        created(Http.post(fleet.callManager("/numbers"), token,
                "{\"number\": \"" + number + "\", \"flow_id\": \"" + flowId + "\", \"name\": \"restart line\"}"));
        return number;
    }

    private List<String> liveChannels() {
        List<String> ids = new ArrayList<>();
        JSON.readTree(Http.get(fleet.simUrl() + "/sim/channels", null).body()).forEach(id -> ids.add(id.asString()));
        return ids;
    }

    /** Every call of the customer, by its channel, paging through the list. */
    private Map<String, JsonNode> callsByChannel() {
        List<JsonNode> all = new ArrayList<>();
        String pageToken = "";
        do {
            JsonNode page = get(fleet.callManager("/calls?page_size=100" + (pageToken.isEmpty() ? "" : "&page_token=" + pageToken)));
            page.path("result").forEach(all::add);
            pageToken = page.path("next_page_token").asString("");
        } while (!pageToken.isEmpty());
        return all.stream().collect(Collectors.toMap(c -> c.path("channel_id").asString(""), Function.identity(),
                (a, b) -> a));
    }

    private JsonNode get(String url) {
        Http.Response response = Http.get(url, token);
        assertThat(response.status()).as("GET %s: %s", url, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode created(Http.Response response) {
        assertThat(response.status()).as("create: %s", response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }
}
