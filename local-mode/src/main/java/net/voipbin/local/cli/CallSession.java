package net.voipbin.local.cli;

import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import net.voipbin.local.home.LocalHome;
import net.voipbin.local.status.StatusReport;
import net.voipbin.rpc.auth.JwtTokens;
import net.voipbin.rpc.envelope.Event;
import tools.jackson.databind.JsonNode;

/**
 * A caller on the simulator dials a number; the call's and its activeflow's events are printed as they
 * happen until the call ends. The caller presses the digits asked for when the flow waits for them
 * and hangs up when told to.
 */
final class CallSession {

    /** After the hangup, how long the activeflow's end may take to show. */
    private static final Duration FLOW_END_GRACE = Duration.ofSeconds(5);
    private static final Duration PRESS_AGAIN = Duration.ofSeconds(2);
    private static final int MAX_PRESSES = 5;

    /** How the call went. */
    record Outcome(boolean ended, String callId, java.util.List<String> types) {
    }

    private final StatusReport fleet;
    private final LocalHome home;
    private final PrintStream out;

    CallSession(StatusReport fleet, LocalHome home, PrintStream out) {
        this.fleet = fleet;
        this.home = home;
        this.out = out;
    }

    Outcome run(CallOptions options) throws InterruptedException {
        try (EventTap tap = EventTap.open(fleet.amqpUrl(), fleet.amqpNamespace(), "call-manager",
                "flow-manager")) {
            Instant dialled = Instant.now();
            String channel = sim("/sim/calls?caller=" + encode(options.from()) + "&dialed=" + encode(options.number()))
                    .path("channel_id").asString();
            out.printf("%s calls %s (simulator channel %s)%n", options.from(), options.number(), channel);
            CallTrace trace = new CallTrace(channel);
            Presser presser = new Presser(options.press());
            Instant hangupAt = options.hangupAfter() == null ? null : dialled.plus(options.hangupAfter());
            Instant giveUp = dialled.plus(options.timeout());
            Instant hungUpAt = null;
            while (!trace.finished()) {
                Instant now = Instant.now();
                if (hungUpAt != null && now.isAfter(hungUpAt.plus(FLOW_END_GRACE))) {
                    break;
                }
                if (now.isAfter(giveUp)) {
                    out.printf("the call did not end within %d s: the caller hangs up%n", options.timeout().toSeconds());
                    sim("/sim/channels/" + channel + "/hangup");
                    return new Outcome(false, trace.callId(), trace.types());
                }
                if (hangupAt != null && now.isAfter(hangupAt)) {
                    out.printf("%+8.3fs  (the caller hangs up)%n", Duration.between(dialled, now).toMillis() / 1000.0);
                    sim("/sim/channels/" + channel + "/hangup");
                    hangupAt = null;
                }
                Optional<Event> next = tap.next(Duration.ofMillis(100));
                if (next.isPresent()) {
                    for (Event event : trace.accept(next.get())) {
                        if (event.type().equals("activeflow_created")) {
                            trace.actionTypes(actionTypes(event.data()));
                        }
                        out.println(EventLine.of(event, dialled, trace));
                    }
                    if (trace.hungUp() && hungUpAt == null) {
                        hungUpAt = Instant.now();
                    }
                }
                presser.tick(trace, channel, dialled);
            }
            out.println(summary(trace));
            return new Outcome(trace.hungUp(), trace.callId(), trace.types());
        }
    }

    private String summary(CallTrace trace) {
        JsonNode call = trace.lastCall();
        return "call " + trace.callId() + " ended: " + (call == null ? "?" : call.path("status").asString() + ", hangup by "
                + call.path("hangup_by").asString() + " (" + call.path("hangup_reason").asString() + ")")
                + "; " + trace.types().size() + " events";
    }

    /** The flow's action types by id, read with a token of the flow's customer (for the printed lines). */
    private Map<String, String> actionTypes(JsonNode activeflow) {
        Map<String, String> types = new HashMap<>();
        try {
            String token = JwtTokens.mint(home.jwtSecret(), UUID.fromString(activeflow.path("customer_id").asString()),
                    Duration.ofMinutes(5));
            JsonNode flow = LocalHttp.get(fleet.urlOf("api-gateway") + "/v1.0/flows/"
                    + activeflow.path("flow_id").asString(), token);
            flow.path("actions").forEach(a -> types.put(a.path("id").asString(""), a.path("type").asString("")));
        } catch (RuntimeException e) {
            // the lines go without action types
        }
        return types;
    }

    private JsonNode sim(String pathAndQuery) {
        return LocalHttp.post(fleet.simulatorUrl() + pathAndQuery, null, "");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * Presses the digits when the flow waits in a digits_receive, again every 2 s while it still waits
     * there (as a caller who is not heard would), once per call. A digit pressed before the collection
     * started is typed ahead and counts; pressing only at the menu keeps the printed trace in the
     * order a listener expects.
     */
    private final class Presser {

        private final String digits;
        private String waitingAt;
        private Instant nextPress;
        private int presses;
        private boolean done;

        Presser(String digits) {
            this.digits = digits;
            this.done = digits == null;
        }

        void tick(CallTrace trace, String channel, Instant dialled) {
            if (done) {
                return;
            }
            String action = trace.currentActionId();
            boolean waiting = "digits_receive".equals(trace.actionType(action)) && !trace.hungUp();
            if (waitingAt != null && !waitingAt.equals(action)) {
                done = true;
                return;
            }
            if (!waiting) {
                return;
            }
            Instant now = Instant.now();
            if (waitingAt == null) {
                waitingAt = action;
                nextPress = now.plusMillis(500);
            }
            if (now.isAfter(nextPress) && presses < MAX_PRESSES) {
                out.printf("%+8.3fs  (the caller presses %s)%n", Duration.between(dialled, now).toMillis() / 1000.0, digits);
                sim("/sim/channels/" + channel + "/dtmf?digits=" + encode(digits));
                presses++;
                nextPress = now.plus(PRESS_AGAIN);
            }
        }
    }
}
