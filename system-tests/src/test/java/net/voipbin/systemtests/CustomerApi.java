package net.voipbin.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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

/**
 * One customer's side of the public REST API (flows, numbers running them, their calls) and what the simulated
 * Asterisk was told about a call's channel.
 */
final class CustomerApi {

    /** Generous: several JVMs and other builds share two cores. */
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = Json.newMapper();

    private final CallFleet fleet;
    private final String token;

    /** A customer of its own (a random id). */
    CustomerApi(CallFleet fleet) {
        this(fleet, fleet.tokenFor(UUID.randomUUID()));
    }

    /** The customer whose bearer token is {@code token}. */
    CustomerApi(CallFleet fleet, String token) {
        this.fleet = fleet;
        this.token = token;
    }

    /** Stores {@code flow} (a flow's JSON); returns its id. */
    String flow(String flow) {
        return created(Http.post(fleet.flowManager("/flows"), token, flow)).path("id").asString();
    }

    /** Stores {@code flow} (a flow's JSON) and a fresh number that runs it; returns the number. */
    String numberRunning(String flow) {
        return numberRunningFlow(flow(flow));
    }

    /** A fresh number of the customer that runs the stored flow {@code flowId}. */
    String numberRunningFlow(String flowId) {
        String number = "+1555" + (1_000_000 + (long) (Math.random() * 8_999_999));
        created(Http.post(fleet.callManager("/numbers"), token,
                "{\"number\": \"" + number + "\", \"flow_id\": \"" + flowId + "\", \"name\": \"test line\"}"));
        return number;
    }

    /** The customer's call on the simulator's channel, once call-manager recorded it. */
    JsonNode callOn(String channel) {
        return await().atMost(WAIT).until(() -> {
            for (JsonNode call : get(fleet.callManager("/calls?page_size=100")).path("result")) {
                if (channel.equals(call.path("channel_id").asString(""))) {
                    return call;
                }
            }
            return null;
        }, c -> c != null);
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

    /**
     * The ARI commands about this channel (and its playbacks), in the order the simulator received them, ids
     * replaced by placeholders and plays shown with their media. Reads ({@code GET}) change nothing the caller
     * notices and are left out: call-manager asks Asterisk who is in a bridge or whether a channel is still up.
     */
    List<String> ariCommands(String channel) {
        List<String> playbacks = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        for (SimControl.AriRequest request : fleet.sim().requests()) {
            if ("GET".equals(request.method())) {
                continue;
            }
            String path = request.path().replaceFirst("^/ari", "");
            String prefix = "/channels/" + channel + "/play/";
            if (path.startsWith(prefix)) {
                playbacks.add(path.substring(prefix.length()));
                commands.add(request.method() + " /channels/{ch}/play/{playback} media=" + request.param("media"));
            } else if (path.contains(channel) || playbacks.stream().anyMatch(path::contains)) {
                String shown = path.replace(channel, "{ch}");
                for (String playback : playbacks) {
                    shown = shown.replace(playback, "{playback}");
                }
                commands.add(request.method() + " " + shown);
            }
        }
        return commands;
    }

    /** GET with the customer's token; anything but 200 fails the test. */
    JsonNode get(String url) {
        Http.Response response = Http.get(url, token);
        assertThat(response.status()).as("GET %s: %s", url, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The body of a 201; anything else fails the test. */
    static JsonNode created(Http.Response response) {
        assertThat(response.status()).as("create: %s", response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }
}
