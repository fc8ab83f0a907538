package net.voipbin.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import net.voipbin.rpc.json.Json;
import net.voipbin.systemtests.BusRecorder.BusEvent;
import net.voipbin.testsupport.Http;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 25's waiting caller on real processes, asserted on what the simulated Asterisk was told to do with the
 * caller's channel: music on hold of the queue's class from the start of the wait, stopped for each position
 * announcement and started again after it, stopped before the agent joins the caller's bridge and never started
 * again; a caller the customer takes out of the line stops hearing the music and goes on with their flow; a linear
 * agent is rung at the desk, then at the mobile.
 */
class QueueHoldIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = Json.newMapper();
    private static final String ALICE = "+15550310001";
    private static final String BOB_DESK = "+15550310002";
    private static final String BOB_MOBILE = "+15550310003";

    private static SystemFleet fleet;
    private static BusRecorder bus;

    private final UUID customer = UUID.randomUUID();
    private final String token = fleet.tokenFor(customer);

    @BeforeAll
    static void startFleet() {
        fleet = QueueFleet.start();
        bus = new BusRecorder(TestInfra.rabbit().connectionFactory(), fleet.eventExchange());
    }

    @AfterAll
    static void stopFleet() {
        if (bus != null) {
            bus.close();
        }
        if (fleet != null) {
            fleet.close();
        }
    }

    @Test
    void musicBetweenAnnouncementsUntilAnAgentAnswersAndACallerTakenOutGoesOnWithTheFlow() {
        plan(ALICE, "answered", 300);
        String alice = agent("alice", "ringall", ALICE);
        setStatus(alice, "away");
        String queue = created(Http.post(queueManager("/queues"), token, "{\"name\":\"hold\","
                + "\"moh_class\":\"jazz\",\"announcement_interval_seconds\":3,\"wait_timeout_seconds\":120}"))
                .path("id").asString();
        String number = numberRunning(queue);

        String c1 = fleet.sim().placeCall("+15550410001", number);
        String announcement = "play sound:you-are-caller-number-1";
        await().atMost(WAIT).untilAsserted(() -> assertThat(heard(c1)).containsSubsequence(announcement,
                "moh jazz", "moh stop", announcement, "moh jazz"));

        setStatus(alice, "available");
        queuecallOf(c1, "connected");
        await().atMost(WAIT).until(() -> agentJoined(c1) >= 0);
        List<SimControl.AriRequest> log = fleet.sim().requests();
        int joined = agentJoined(c1);
        assertThat(heard(c1, log.subList(0, joined))).as("the music (or the announcement playing) stopped before the "
                + "agent joined").last().isIn("moh stop", "play stop");
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> {
            List<SimControl.AriRequest> now = fleet.sim().requests();
            return lastIndex(now, c1, "POST", "moh") < joined && lastIndex(now, c1, "POST", "play") < joined;
        });

        // alice is on the phone with c1: c2 waits, and the customer takes c2 out of the line.
        String c2 = fleet.sim().placeCall("+15550410002", number);
        JsonNode q2 = queuecallOf(c2, "waiting");
        await().atMost(WAIT).untilAsserted(() -> assertThat(heard(c2)).contains("moh jazz"));
        Http.Response kicked = Http.delete(queueManager("/queuecalls/" + q2.path("id").asString()), token);
        assertThat(kicked.status()).as(kicked.body()).isEqualTo(200);
        assertThat(JSON.readTree(kicked.body()).path("status").asString()).isEqualTo("kicked");

        // What the queue played stops (the music, or the announcement if one was playing), then the flow's next
        // action is heard, and nothing of the queue's after it.
        await().atMost(WAIT).untilAsserted(() -> assertThat(heard(c2)).endsWith("play sound:thank-you"));
        List<String> c2Heard = heard(c2);
        assertThat(c2Heard.get(c2Heard.size() - 2)).isIn("moh stop", "play stop");
        await().atMost(WAIT).untilAsserted(() -> assertThat(types(q2))
                .containsExactly("queuecall_created", "queuecall_waiting", "queuecall_kicked"));
        JsonNode stats = get(queueManager("/queues/" + queue + "/statistics"));
        assertThat(stats.path("kicked").asLong()).isEqualTo(1);
        assertThat(stats.path("served").asLong()).isEqualTo(1);
        fleet.sim().callerHangsUp(c1);
    }

    @Test
    void aLinearAgentIsRungAtTheDeskThenAtTheMobileWhereTheyAnswer() {
        plan(BOB_DESK, "no_answer", 500);
        plan(BOB_MOBILE, "answered", 300);
        agent("bob", "linear", BOB_DESK, BOB_MOBILE);
        String queue = created(Http.post(queueManager("/queues"), token, "{\"name\":\"roaming\","
                + "\"ring_timeout_seconds\":5,\"wait_timeout_seconds\":120}")).path("id").asString();
        String number = numberRunning(queue);

        String caller = fleet.sim().placeCall("+15550410003", number);
        JsonNode q = queuecallOf(caller, "connected");

        assertThat(q.path("offer_attempts").asInt()).isEqualTo(1);
        assertThat(agentCalls()).extracting(c -> c.path("destination").path("target").asString())
                .containsExactly(BOB_DESK, BOB_MOBILE);
        await().atMost(WAIT).until(() -> agentJoined(caller) >= 0);
        fleet.sim().callerHangsUp(caller);
    }

    /** What the simulator was told to do with the channel: "play <media>", "play stop", "moh <class>", "moh stop". */
    private List<String> heard(String channel) {
        return heard(channel, fleet.sim().requests());
    }

    private static List<String> heard(String channel, List<SimControl.AriRequest> log) {
        String prefix = "/ari/channels/" + channel + "/";
        List<String> heard = new ArrayList<>();
        List<String> playbacks = new ArrayList<>();
        for (SimControl.AriRequest r : log) {
            if (r.method().equals("DELETE") && r.path().startsWith("/ari/playbacks/")
                    && playbacks.contains(r.path().substring("/ari/playbacks/".length()))) {
                heard.add("play stop");
                continue;
            }
            if (!r.path().startsWith(prefix)) {
                continue;
            }
            String[] parts = r.path().substring(prefix.length()).split("/");
            String operation = parts[0];
            if (operation.equals("play")) {
                if (parts.length > 1) {
                    playbacks.add(parts[1]);
                }
                heard.add("play " + r.param("media"));
            } else if (operation.equals("moh")) {
                heard.add(r.method().equals("POST") ? "moh " + r.param("mohClass") : "moh stop");
            }
        }
        return heard;
    }

    /** Index in the simulator's log of the last {@code method} of {@code operation} on the channel; -1 if none. */
    private static int lastIndex(List<SimControl.AriRequest> log, String channel, String method, String operation) {
        String path = "/ari/channels/" + channel + "/" + operation;
        int last = -1;
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).method().equals(method) && log.get(i).path().startsWith(path)) {
                last = i;
            }
        }
        return last;
    }

    /** Index of the request adding another channel to a bridge the caller's channel is in; -1 before it. */
    private int agentJoined(String channel) {
        List<SimControl.AriRequest> log = fleet.sim().requests();
        List<String> bridges = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            SimControl.AriRequest r = log.get(i);
            if (!r.method().equals("POST") || !r.path().endsWith("/addChannel")) {
                continue;
            }
            String bridge = r.path().split("/")[3];
            List<String> channels = List.of(r.param("channel").split(","));
            if (channels.contains(channel)) {
                bridges.add(bridge);
            } else if (bridges.contains(bridge)) {
                return i;
            }
        }
        return -1;
    }

    private void plan(String match, String outcome, long delayMs) {
        fleet.sim().planOriginate(match, outcome, Duration.ofMillis(delayMs));
    }

    private String agent(String name, String ringMethod, String... numbers) {
        List<String> addresses = new ArrayList<>();
        for (String n : numbers) {
            addresses.add("{\"type\":\"tel\",\"target\":\"" + n + "\"}");
        }
        String id = created(Http.post(agentManager("/agents"), token, "{\"name\":\"" + name
                + "\",\"ring_method\":\"" + ringMethod + "\",\"addresses\":[" + String.join(",", addresses) + "]}"))
                .path("id").asString();
        setStatus(id, "available");
        return id;
    }

    private void setStatus(String agentId, String status) {
        assertThat(Http.put(agentManager("/agents/" + agentId + "/status"), token,
                "{\"status\":\"" + status + "\"}").status()).isEqualTo(200);
    }

    /** A number whose flow answers, joins the queue, then says "thank you". */
    private String numberRunning(String queueId) {
        String flowId = created(Http.post(fleet.flowManager("/flows"), token, "{\"name\":\"queue line\",\"actions\":["
                + "{\"type\":\"answer\"},{\"id\":\"q\",\"type\":\"queue_join\",\"option\":{\"queue_id\":\"" + queueId
                + "\"}},{\"id\":\"bye\",\"type\":\"talk\",\"option\":{\"text\":\"thank you\"}}]}")).path("id").asString();
        String number = "+1555" + (1_000_000 + (long) (Math.random() * 8_999_999));
        created(Http.post(fleet.callManager("/numbers"), token,
                "{\"number\":\"" + number + "\",\"flow_id\":\"" + flowId + "\",\"name\":\"queue line\"}"));
        return number;
    }

    /** The first queuecall of the caller on {@code channel}, once in {@code status}. */
    private JsonNode queuecallOf(String channel, String status) {
        return await().atMost(WAIT).ignoreExceptions().until(() -> {
            String callId = callOn(channel).path("id").asString();
            JsonNode found = null;
            for (JsonNode q : get(queueManager("/queuecalls?page_size=100")).path("result")) {
                if (callId.equals(q.path("reference_id").asString()) && (found == null
                        || q.path("tm_create").asString().compareTo(found.path("tm_create").asString()) < 0)) {
                    found = q;
                }
            }
            return found;
        }, q -> q != null && status.equals(q.path("status").asString()));
    }

    private JsonNode callOn(String channel) {
        for (JsonNode call : calls()) {
            if (channel.equals(call.path("channel_id").asString(""))) {
                return call;
            }
        }
        throw new IllegalStateException("no call on " + channel);
    }

    private List<JsonNode> calls() {
        List<JsonNode> all = new ArrayList<>();
        get(fleet.callManager("/calls?page_size=100")).path("result").forEach(all::add);
        return all;
    }

    private List<JsonNode> agentCalls() {
        return calls().stream().filter(c -> "outgoing".equals(c.path("direction").asString()))
                .sorted(Comparator.comparing(c -> c.path("tm_create").asString())).toList();
    }

    private List<String> types(JsonNode queuecall) {
        String id = queuecall.path("id").asString();
        return bus.matching(e -> e.type().startsWith("queuecall_") && id.equals(e.data().path("id").asString()))
                .stream().map(BusEvent::type).toList();
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

    private static String queueManager(String path) {
        return fleet.url("queue-manager", path);
    }

    private static String agentManager(String path) {
        return fleet.url("agent-manager", path);
    }
}
