package net.voipbin.systemtests;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import net.voipbin.rpc.json.Json;
import net.voipbin.testsupport.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The simulator's HTTP control API ({@code /sim/...}): the caller's side of a call, and what Asterisk was told. */
final class SimControl {

    /** One ARI request the simulator received, as it arrived. */
    record AriRequest(String method, String path, String query, String body) {

        /** A query parameter, decoded ("" when absent). */
        String param(String name) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && decode(pair.substring(0, eq)).equals(name)) {
                    return decode(pair.substring(eq + 1));
                }
            }
            return "";
        }

        private static String decode(String text) {
            return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
        }
    }

    private static final JsonMapper JSON = Json.newMapper();

    private final String baseUrl;

    SimControl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A caller dials {@code dialed}: the channel enters Stasis. Returns its channel id. */
    String placeCall(String caller, String dialed) {
        JsonNode answer = ok(Http.post(baseUrl + "/sim/calls?caller=" + encode(caller) + "&dialed=" + encode(dialed),
                null, ""));
        return answer.path("channel_id").asString();
    }

    void pressDigits(String channelId, String digits) {
        ok(Http.post(baseUrl + "/sim/channels/" + channelId + "/dtmf?digits=" + encode(digits), null, ""));
    }

    void callerHangsUp(String channelId) {
        ok(Http.post(baseUrl + "/sim/channels/" + channelId + "/hangup", null, ""));
    }

    /** What the channel hears from its bridge: the other channels' ids in a mixing bridge, {@code moh:<class>}. */
    List<String> hears(String channelId) {
        List<String> sources = new ArrayList<>();
        ok(Http.get(baseUrl + "/sim/channels/" + channelId + "/hears", null)).forEach(s -> sources.add(s.asString()));
        return sources;
    }

    /** The channels the simulator has up now. */
    List<String> liveChannels() {
        List<String> ids = new ArrayList<>();
        ok(Http.get(baseUrl + "/sim/channels", null)).forEach(id -> ids.add(id.asString()));
        return ids;
    }

    /** Every ARI REST request the simulator received, in arrival order. */
    List<AriRequest> requests() {
        List<AriRequest> requests = new ArrayList<>();
        ok(Http.get(baseUrl + "/sim/requests", null)).forEach(r -> requests.add(new AriRequest(
                r.path("method").asString(), r.path("path").asString(), r.path("query").asString(""),
                r.path("body").asString(""))));
        return requests;
    }

    /** The far end of originates to {@code number}: {@code outcome} after {@code delay} (real time at scale 1). */
    void planOriginate(String number, String outcome, Duration delay) {
        Http.Response r = Http.post(baseUrl + "/sim/originate-plan?match=" + encode(number) + "&outcome=" + outcome
                + "&delay_ms=" + delay.toMillis(), null, "");
        if (r.status() / 100 != 2) {
            throw new IllegalStateException("originate plan refused: " + r);
        }
    }

    private static JsonNode ok(Http.Response response) {
        if (response.status() / 100 != 2) {
            throw new IllegalStateException("asterisk-sim control API answered " + response);
        }
        return response.body() == null || response.body().isBlank() ? JSON.createObjectNode()
                : JSON.readTree(response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
