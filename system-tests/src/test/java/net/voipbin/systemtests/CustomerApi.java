package net.voipbin.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import net.voipbin.rpc.json.Json;
import net.voipbin.testsupport.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One customer's side of the public REST API in a load test: a number running a flow, and its calls. */
final class CustomerApi {

    private static final JsonMapper JSON = Json.newMapper();

    private final CallFleet fleet;
    private final String token;

    CustomerApi(CallFleet fleet) {
        this.fleet = fleet;
        this.token = fleet.tokenFor(UUID.randomUUID());
    }

    /** Stores {@code flow} (a flow's JSON) and a fresh number that runs it; returns the number. */
    String numberRunning(String flow) {
        String flowId = created(Http.post(fleet.flowManager("/flows"), token, flow)).path("id").asString();
        String number = "+1555" + (1_000_000 + (long) (Math.random() * 8_999_999));
        created(Http.post(fleet.callManager("/numbers"), token,
                "{\"number\": \"" + number + "\", \"flow_id\": \"" + flowId + "\", \"name\": \"load line\"}"));
        return number;
    }

    /** Every call of the customer by its channel, paging through call-manager's list at {@code callManager}. */
    Map<String, JsonNode> callsByChannel(UnaryOperator<String> callManager) {
        List<JsonNode> all = new ArrayList<>();
        String pageToken = "";
        do {
            JsonNode page = get(callManager.apply("/calls?page_size=100"
                    + (pageToken.isEmpty() ? "" : "&page_token=" + pageToken)));
            page.path("result").forEach(all::add);
            pageToken = page.path("next_page_token").asString("");
        } while (!pageToken.isEmpty());
        return all.stream().collect(Collectors.toMap(c -> c.path("channel_id").asString(""), Function.identity(),
                (a, b) -> a));
    }

    JsonNode get(String url) {
        Http.Response response = Http.get(url, token);
        assertThat(response.status()).as("GET %s: %s", url, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode created(Http.Response response) {
        assertThat(response.status()).as("create: %s", response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }
}
