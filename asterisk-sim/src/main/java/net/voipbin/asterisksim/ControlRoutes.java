package net.voipbin.asterisksim;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.node.ArrayNode;

/**
 * The HTTP face of the control API, for local mode (no credentials; the simulator listens on loopback):
 * <pre>
 * POST   /sim/calls?caller=&amp;dialed=            → {"channel_id": ...}
 * POST   /sim/channels/{id}/dtmf?digits=
 * POST   /sim/channels/{id}/hangup                the caller hangs up
 * POST   /sim/originate-plan?outcome=answered|busy|no_answer|failed&amp;delay_ms=&amp;match=
 * POST   /sim/refuse-format?format=slin16          this Asterisk cannot bridge that format
 * GET    /sim/audiosocket/{channel id}             what went over an AudioSocket channel's connection
 * GET    /sim/channels/{id}/hears                   what the channel hears from its bridge (AsteriskSim.hears)
 * GET    /sim/channels | /sim/requests | /sim/events
 * DELETE /sim/requests
 * POST   /sim/drop-clients | /sim/raw-frame (body sent as one text frame)
 * </pre>
 */
final class ControlRoutes {

    private static final Pattern CHANNEL = Pattern.compile("/sim/channels/([^/]+)/(dtmf|hangup)");
    private static final Pattern HEARS = Pattern.compile("/sim/channels/([^/]+)/hears");
    private static final Pattern AUDIOSOCKET = Pattern.compile("/sim/audiosocket/([^/]+)");

    private final AsteriskSim sim;

    ControlRoutes(AsteriskSim sim) {
        this.sim = sim;
    }

    AriResponse handle(String method, String path, Map<String, String> query, String body) {
        try {
            return dispatch(method + " " + path, path, query, body);
        } catch (IllegalArgumentException | AriError e) {
            return AriResponse.error(e instanceof AriError a ? a.status : 400, e.getMessage());
        }
    }

    private AriResponse dispatch(String route, String path, Map<String, String> query, String body) {
        Matcher channel = CHANNEL.matcher(path);
        if (route.startsWith("POST ") && channel.matches()) {
            if (channel.group(2).equals("dtmf")) {
                sim.pressDigits(channel.group(1), required(query, "digits"));
            } else {
                sim.hangupFromCaller(channel.group(1));
            }
            return AriResponse.noContent();
        }
        Matcher hears = HEARS.matcher(path);
        if (route.startsWith("GET ") && hears.matches()) {
            return AriResponse.ok(strings(sim.hears(hears.group(1))));
        }
        Matcher audioSocket = AUDIOSOCKET.matcher(path);
        if (route.startsWith("GET ") && audioSocket.matches()) {
            return sim.audioSocket(audioSocket.group(1)).map(ControlRoutes::stats)
                    .orElseGet(() -> AriResponse.error(404, "No AudioSocket for this channel"));
        }
        return switch (route) {
            case "POST /sim/calls" -> AriResponse.ok(AriJson.object().put("channel_id",
                    sim.placeInboundCall(required(query, "caller"), required(query, "dialed"))));
            case "POST /sim/originate-plan" -> plan(query);
            case "POST /sim/refuse-format" -> run(() -> sim.refuseFormat(required(query, "format")));
            case "GET /sim/channels" -> AriResponse.ok(strings(sim.channelIds()));
            case "GET /sim/requests" -> AriResponse.ok(requests());
            case "DELETE /sim/requests" -> run(sim::clearRequests);
            case "GET /sim/events" -> AriResponse.ok(events());
            case "POST /sim/drop-clients" -> run(sim::dropClients);
            case "POST /sim/raw-frame" -> run(() -> sim.injectRawFrame(body));
            default -> AriResponse.error(404, "Resource not found");
        };
    }

    private AriResponse plan(Map<String, String> query) {
        OriginateOutcome outcome = OriginateOutcome.valueOf(required(query, "outcome").toUpperCase(Locale.ROOT));
        Duration delay = Duration.ofMillis(Long.parseLong(query.getOrDefault("delay_ms", "1000")));
        sim.planOriginate(query.get("match"), outcome, delay);
        return AriResponse.noContent();
    }

    private static AriResponse stats(AudioSocketStats stats) {
        return AriResponse.ok(AriJson.object().put("connected", stats.connected())
                .put("frames_sent", stats.framesSent()).put("frames_received", stats.framesReceived())
                .put("audible_frames_received", stats.audibleFramesReceived())
                .put("hangup_received", stats.hangupReceived()).put("closed", stats.closed()));
    }

    private ArrayNode requests() {
        ArrayNode list = AriJson.MAPPER.createArrayNode();
        sim.requests().forEach(r -> list.addObject()
                .put("method", r.method()).put("path", r.path()).put("query", r.query()).put("body", r.body()));
        return list;
    }

    private ArrayNode events() {
        ArrayNode list = AriJson.MAPPER.createArrayNode();
        sim.events().forEach(text -> list.add(AriJson.parse(text)));
        return list;
    }

    private static ArrayNode strings(Iterable<String> values) {
        ArrayNode list = AriJson.MAPPER.createArrayNode();
        values.forEach(list::add);
        return list;
    }

    private static AriResponse run(Runnable action) {
        action.run();
        return AriResponse.noContent();
    }

    private static String required(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing parameter " + name);
        }
        return value;
    }
}
