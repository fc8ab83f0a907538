package net.voipbin.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.voipbin.rpc.json.Json;
import net.voipbin.testsupport.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 25's waiting caller on real processes, asserted on what the simulated Asterisk was told to do with the
 * caller's channel: music on hold of the queue's class from the start of the wait, stopped for each position
 * announcement and started again after it, stopped before the agent joins the caller's bridge and never started
 * again; a caller the customer takes out of the line stops hearing the music and goes on with their flow; a linear
 * agent is rung at the desk, then at the mobile.
 */
class QueueHoldIT extends QueueFleetTest {

    private static final JsonMapper JSON = Json.newMapper();
    private static final String ALICE = "+15550310001";
    private static final String BOB_DESK = "+15550310002";
    private static final String BOB_MOBILE = "+15550310003";

    @Test
    void musicBetweenAnnouncementsUntilAnAgentAnswersAndACallerTakenOutGoesOnWithTheFlow() {
        api.plan(ALICE, "answered", 300);
        String alice = api.agent("alice", "ringall", ALICE);
        api.setStatus(alice, "away");
        String queue = api.created(Http.post(api.queueManager("/queues"), token, "{\"name\":\"hold\","
                + "\"moh_class\":\"jazz\",\"announcement_interval_seconds\":3,\"wait_timeout_seconds\":120}"))
                .path("id").asString();
        String number = api.numberRunning(queue);

        String c1 = fleet.sim().placeCall("+15550410001", number);
        String announcement = "play sound:you-are-caller-number-1";
        await().atMost(WAIT).untilAsserted(() -> assertThat(heard(c1)).containsSubsequence(announcement,
                "moh jazz", "moh stop", announcement, "moh jazz"));

        api.setStatus(alice, "available");
        api.queuecallOf(c1, "connected");
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
        JsonNode q2 = api.queuecallOf(c2, "waiting");
        await().atMost(WAIT).untilAsserted(() -> assertThat(heard(c2)).contains("moh jazz"));
        Http.Response kicked = Http.delete(api.queueManager("/queuecalls/" + q2.path("id").asString()), token);
        assertThat(kicked.status()).as(kicked.body()).isEqualTo(200);
        assertThat(JSON.readTree(kicked.body()).path("status").asString()).isEqualTo("kicked");

        // What the queue played stops (the music, or the announcement if one was playing), then the flow's next
        // action is heard, and nothing of the queue's after it.
        await().atMost(WAIT).untilAsserted(() -> assertThat(heard(c2)).endsWith("play sound:thank-you"));
        List<String> c2Heard = heard(c2);
        assertThat(c2Heard.get(c2Heard.size() - 2)).isIn("moh stop", "play stop");
        await().atMost(WAIT).untilAsserted(() -> assertThat(api.types(q2))
                .containsExactly("queuecall_created", "queuecall_waiting", "queuecall_kicked"));
        JsonNode stats = api.get(api.queueManager("/queues/" + queue + "/statistics"));
        assertThat(stats.path("kicked").asLong()).isEqualTo(1);
        assertThat(stats.path("served").asLong()).isEqualTo(1);
        fleet.sim().callerHangsUp(c1);
    }

    @Test
    void aLinearAgentIsRungAtTheDeskThenAtTheMobileWhereTheyAnswer() {
        api.plan(BOB_DESK, "no_answer", 500);
        api.plan(BOB_MOBILE, "answered", 300);
        api.agent("bob", "linear", BOB_DESK, BOB_MOBILE);
        String queue = api.created(Http.post(api.queueManager("/queues"), token, "{\"name\":\"roaming\","
                + "\"ring_timeout_seconds\":5,\"wait_timeout_seconds\":120}")).path("id").asString();
        String number = api.numberRunning(queue);

        String caller = fleet.sim().placeCall("+15550410003", number);
        JsonNode q = api.queuecallOf(caller, "connected");

        assertThat(q.path("offer_attempts").asInt()).isEqualTo(1);
        assertThat(api.agentCalls()).extracting(c -> c.path("destination").path("target").asString())
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

}
