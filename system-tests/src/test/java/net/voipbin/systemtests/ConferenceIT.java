package net.voipbin.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
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
 * Issue 23's conference on real processes: callers run a flow with {@code conference_join}; the simulator
 * mixes them in one bridge; participants are kicked, hang up, are stopped or timed out; each flow goes on
 * after the conference (the stopped one with the conference's post flow). conference-manager killed with
 * SIGKILL mid-conference still fires the timeout, once.
 */
class ConferenceIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = Json.newMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static SystemFleet fleet;
    private static BusRecorder bus;

    private final UUID customer = UUID.randomUUID();
    private final String token = fleet.tokenFor(customer);
    private final CustomerApi api = new CustomerApi(fleet, token);

    @BeforeAll
    static void startFleet() {
        fleet = SystemFleet.builder().asteriskId("asterisk-conf").callPath()
                .with("conference-manager", List.of("--voipbin.conference.timeout-sweep=200ms")).start();
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
    void threeCallersMeetOneIsKickedOneHangsUpAndTheStopEndsTheConference() {
        String postFlow = created(Http.post(fleet.flowManager("/flows"), token, """
                {"name": "after the conference", "actions": [
                  {"id": "ended", "type": "talk", "option": {"text": "conference ended"}}]}""")).path("id").asString();
        JsonNode conference = created(Http.post(conferenceManager("/conferences"), token,
                "{\"name\": \"standup\", \"post_flow_id\": \"" + postFlow + "\"}"));
        String conferenceId = conference.path("id").asString();
        String bridgeId = conference.path("confbridge_id").asString();
        String number = numberRunning(conferenceId);

        List<String> channels = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            channels.add(fleet.sim().placeCall("+1555000200" + i, number));
            String channel = channels.get(i);
            await().atMost(WAIT).until(() -> bridgeChannels(bridgeId).contains(channel));
        }
        JsonNode bridge = simBridge(bridgeId);
        assertThat(bridge.path("bridge_type").asString()).isEqualTo("mixing");
        assertThat(bridgeChannels(bridgeId)).containsExactlyInAnyOrderElementsOf(channels);
        await().atMost(WAIT).until(() -> members(conferenceId).size() == 3);
        assertThat(get(conferenceManager("/conferences/" + conferenceId)).path("participant_count").asInt())
                .isEqualTo(3);
        Map<String, String> participantOfChannel = participants(conferenceId, channels);

        // The first is kicked: its flow goes on after conference_join.
        assertThat(Http.delete(conferenceManager("/conferencecalls/" + participantOfChannel.get(channels.get(0))),
                token).status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> members(conferenceId).size() == 4);
        // The second hangs up.
        fleet.sim().callerHangsUp(channels.get(1));
        await().atMost(WAIT).until(() -> members(conferenceId).size() == 5);
        // The conference is stopped: the third is kicked and runs the post flow.
        assertThat(Http.post(conferenceManager("/conferences/" + conferenceId + "/stop"), token, "{}").status())
                .isEqualTo(200);

        JsonNode ended = await().atMost(WAIT).until(() -> get(conferenceManager("/conferences/" + conferenceId)),
                c -> "terminated".equals(c.path("status").asString()));
        assertThat(ended.path("tm_end").isNull()).isFalse();
        assertThat(ended.path("participant_count").asInt()).isZero();
        await().atMost(WAIT).until(() -> members(conferenceId).size() == 6);
        List<BusEvent> members = members(conferenceId);
        assertThat(members).extracting(BusEvent::type).containsExactly("conferencecall_joined",
                "conferencecall_joined", "conferencecall_joined", "conferencecall_left", "conferencecall_left",
                "conferencecall_left");
        assertThat(members).extracting(e -> e.data().path("participant_count").asInt())
                .containsExactly(1, 2, 3, 2, 1, 0);
        assertThat(members.subList(3, 6)).extracting(e -> e.data().path("reason").asString())
                .containsExactly("kick", "hangup", "stop");
        assertThat(members.get(5).data().path("post_flow_id").asString()).isEqualTo(postFlow);
        assertThat(members).allSatisfy(e -> {
            assertThat(e.data().path("customer_id").asString()).isEqualTo(customer.toString());
            assertThat(e.data().path("participant_id").asString()).isEqualTo(e.data().path("id").asString());
        });
        List<BusEvent> bridgeJoins = bus.matching(e -> e.type().equals("confbridge_joined")
                && conferenceId.equals(e.data().path("conference_id").asString()));
        assertThat(bridgeJoins).extracting(e -> e.data().path("participant_count").asInt()).containsExactly(1, 2, 3);
        assertThat(bridgeJoins).allSatisfy(e -> assertThat(e.data().path("participant_id").asString()).isNotBlank());

        // What Asterisk was told, in order: one bridge, three in, two out by us, then it is destroyed.
        await().atMost(WAIT).until(() -> bridgeCommands(bridgeId).contains("DELETE /bridges/{b}"));
        assertThat(bridgeCommands(bridgeId)).containsExactly(
                "POST /bridges/{b} type=mixing",
                "POST /bridges/{b}/addChannel channel=" + channels.get(0),
                "POST /bridges/{b}/addChannel channel=" + channels.get(1),
                "POST /bridges/{b}/addChannel channel=" + channels.get(2),
                "POST /bridges/{b}/removeChannel channel=" + channels.get(0),
                "POST /bridges/{b}/removeChannel channel=" + channels.get(2),
                "DELETE /bridges/{b}");
        assertThat(simBridgeStatus(bridgeId)).isEqualTo(404);

        // The kicked caller hears the rest of its flow; the stopped one hears the post flow instead.
        await().atMost(WAIT).until(() -> plays(channels.get(0)).contains("sound:you-have-left"));
        await().atMost(WAIT).until(() -> plays(channels.get(2)).contains("sound:conference-ended"));
        assertThat(plays(channels.get(2))).doesNotContain("sound:you-have-left");
        await().atMost(WAIT).until(() -> fleet.sim().liveChannels().stream().noneMatch(channels::contains));
        assertThat(bus.matching(e -> e.type().equals("conference_updated")
                && conferenceId.equals(e.data().path("id").asString())))
                .extracting(e -> e.data().path("status").asString()).containsExactly("terminating", "terminated");
    }

    @Test
    void aJoinTheConferenceRefusesLetsTheFlowGoOnInsteadOfLeavingTheCallerInSilence() {
        JsonNode conference = created(Http.post(conferenceManager("/conferences"), token, "{}"));
        String conferenceId = conference.path("id").asString();
        Http.post(conferenceManager("/conferences/" + conferenceId + "/stop"), token, "{}");
        String number = numberRunning(conferenceId);

        String channel = fleet.sim().placeCall("+15550003000", number);

        await().atMost(WAIT).until(() -> plays(channel).contains("sound:you-have-left"));
        JsonNode call = api.callOn(channel);
        JsonNode activeflow = await().atMost(WAIT).until(
                () -> get(fleet.flowManager("/activeflows/" + call.path("activeflow_id").asString())),
                a -> "ended".equals(a.path("status").asString()));
        assertThat(activeflow.path("variables").path("voipbin.conference.error").asString())
                .startsWith("409 conference_terminated");
        assertThat(activeflow.has("error")).isFalse();
    }

    @Test
    void thePreFlowPlaysBeforeTheCallerEntersTheBridge() {
        String preFlow = created(Http.post(fleet.flowManager("/flows"), token, """
                {"name": "before the conference", "actions": [
                  {"id": "welcome", "type": "talk", "option": {"text": "welcome to the conference"}}]}"""))
                .path("id").asString();
        JsonNode conference = created(Http.post(conferenceManager("/conferences"), token,
                "{\"pre_flow_id\": \"" + preFlow + "\"}"));
        String conferenceId = conference.path("id").asString();
        String bridgeId = conference.path("confbridge_id").asString();

        String channel = fleet.sim().placeCall("+15550005000", numberRunning(conferenceId));

        await().atMost(WAIT).until(() -> bridgeChannels(bridgeId).contains(channel));
        List<String> order = fleet.sim().requests().stream().map(r -> r.path().replaceFirst("^/ari", ""))
                .filter(p -> p.startsWith("/channels/" + channel + "/play/") || p.endsWith("/addChannel")
                        && p.startsWith("/bridges/" + bridgeId)).map(p -> p.startsWith("/bridges") ? "bridge" : "play")
                .toList();
        assertThat(order).containsExactly("play", "bridge");
        assertThat(plays(channel)).containsExactly("sound:welcome-to-the-conference");
        Http.post(conferenceManager("/conferences/" + conferenceId + "/stop"), token, "{}");
        await().atMost(WAIT).until(() -> plays(channel).contains("sound:you-have-left"));
    }

    @Test
    void aTimeoutFiresOnceAlthoughConferenceManagerWasKilledWhileItRan() {
        String postFlow = created(Http.post(fleet.flowManager("/flows"), token, """
                {"name": "after the conference", "actions": [
                  {"id": "ended", "type": "talk", "option": {"text": "conference ended"}}]}""")).path("id").asString();
        JsonNode conference = created(Http.post(conferenceManager("/conferences"), token,
                "{\"timeout\": 6, \"post_flow_id\": \"" + postFlow + "\"}"));
        String conferenceId = conference.path("id").asString();
        String channel = fleet.sim().placeCall("+15550004000", numberRunning(conferenceId));
        await().atMost(WAIT).until(() -> members(conferenceId).size() == 1);

        fleet.kill("conference-manager");
        fleet.restart("conference-manager");

        JsonNode ended = await().atMost(WAIT).until(() -> get(conferenceManager("/conferences/" + conferenceId)),
                c -> "terminated".equals(c.path("status").asString()));
        assertThat(ended.path("tm_end").isNull()).isFalse();
        await().atMost(WAIT).until(() -> plays(channel).contains("sound:conference-ended"));
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> members(conferenceId).size() == 2);
        assertThat(members(conferenceId).get(1).data().path("reason").asString()).isEqualTo("timeout");
        assertThat(bus.matching(e -> e.type().equals("conference_updated")
                && conferenceId.equals(e.data().path("id").asString())
                && "terminating".equals(e.data().path("status").asString()))).hasSize(1);
    }

    @Test
    void participantsWaitingForTheModeratorHearOnlyMusicThenEachOtherOnceItIsIn() {
        JsonNode conference = created(Http.post(conferenceManager("/conferences"), token,
                "{\"moderator_gated\": true}"));
        String conferenceId = conference.path("id").asString();
        String bridgeId = conference.path("confbridge_id").asString();
        String number = numberRunning(conferenceId);
        String first = fleet.sim().placeCall("+15550006001", number);
        String second = fleet.sim().placeCall("+15550006002", number);

        await().atMost(WAIT).until(() -> fleet.sim().hears(first).equals(List.of("moh:default"))
                && fleet.sim().hears(second).equals(List.of("moh:default")));
        String holding = holdingBridge(bridgeId);
        assertThat(simBridge(holding).path("bridge_type").asString()).isEqualTo("holding");
        assertThat(bridgeChannels(holding)).containsExactlyInAnyOrder(first, second);

        String moderator = fleet.sim().placeCall("+15550006003", numberRunning(conferenceId, "moderator"));
        await().atMost(WAIT).until(() -> fleet.sim().hears(first).size() == 2);
        assertThat(fleet.sim().hears(first)).containsExactlyInAnyOrder(second, moderator);
        assertThat(fleet.sim().hears(moderator)).containsExactlyInAnyOrder(first, second);
        assertThat(bridgeChannels(bridgeId)).containsExactlyInAnyOrder(first, second, moderator);

        // The moderator hangs up: the others wait apart again, still in the conference.
        fleet.sim().callerHangsUp(moderator);
        await().atMost(WAIT).until(() -> fleet.sim().hears(first).equals(List.of("moh:default"))
                && fleet.sim().hears(second).equals(List.of("moh:default")));
        await().atMost(WAIT).until(() -> members(conferenceId).size() == 4);
        assertThat(members(conferenceId)).extracting(e -> e.type() + " " + e.data().path("participant_count").asInt())
                .containsExactly("conferencecall_joined 1", "conferencecall_joined 2", "conferencecall_joined 3",
                        "conferencecall_left 2");

        Http.post(conferenceManager("/conferences/" + conferenceId + "/stop"), token, "{}");
        await().atMost(WAIT).until(() -> simBridgeStatus(holding) == 404 && simBridgeStatus(bridgeId) == 404);
        await().atMost(WAIT).until(() -> members(conferenceId).size() == 6);
        assertThat(members(conferenceId).subList(4, 6)).extracting(e -> e.data().path("reason").asString())
                .containsExactly("stop", "stop");
    }

    @Test
    void aConferenceRecordingIsAnnouncedAtItsStartAndAtItsEnd() {
        JsonNode conference = created(Http.post(conferenceManager("/conferences"), token, "{}"));
        String conferenceId = conference.path("id").asString();
        String bridgeId = conference.path("confbridge_id").asString();
        String channel = fleet.sim().placeCall("+15550007001", numberRunning(conferenceId));
        await().atMost(WAIT).until(() -> bridgeChannels(bridgeId).contains(channel));

        Http.Response start = Http.post(conferenceManager("/conferences/" + conferenceId + "/recording_start"),
                token, "{}");
        assertThat(start.status()).as(start.body()).isEqualTo(200);
        String recordingId = JSON.readTree(start.body()).path("recording_id").asString();
        assertThat(fleet.sim().requests()).anyMatch(r -> r.path().equals("/ari/bridges/" + bridgeId + "/record")
                && recordingId.equals(r.param("name")));
        // The conference ends, and its bridge with the recording.
        Http.post(conferenceManager("/conferences/" + conferenceId + "/stop"), token, "{}");

        JsonNode ended = await().atMost(WAIT).until(() -> get(conferenceManager("/conferences/" + conferenceId)),
                c -> "terminated".equals(c.path("status").asString()) && c.path("recording_id").isNull());
        assertThat(ended.path("recording_ids")).extracting(JsonNode::asString).containsExactly(recordingId);
        // What the customer's webhook is sent (every event naming its customer_id): the start and the end.
        JsonNode started = await().atMost(WAIT).until(() -> bus.matching(e -> e.type().equals("confbridge_record_started")
                && recordingId.equals(e.data().path("recording_id").asString())), l -> l.size() == 1).getFirst().data();
        JsonNode finished = await().atMost(WAIT).until(() -> bus.matching(e -> e.type().equals("recording_finished")
                && recordingId.equals(e.data().path("id").asString())), l -> l.size() == 1).getFirst().data();
        for (JsonNode data : List.of(started, finished)) {
            assertThat(data.path("conference_id").asString()).isEqualTo(conferenceId);
            assertThat(data.path("confbridge_id").asString()).isEqualTo(bridgeId);
            assertThat(data.path("customer_id").asString()).isEqualTo(customer.toString());
        }
        assertThat(finished.path("status").asString()).isEqualTo("done");
    }

    /** The holding bridge call-manager made for the confbridge's waiting members (its creation in the ARI log). */
    /**
     * The room's holding bridge at the simulator. Two callers waiting at once may each make one; the one who loses
     * the room's claim destroys its own, so the room's is the one still there.
     */
    private String holdingBridge(String confbridgeId) {
        List<String> made = fleet.sim().requests().stream().filter(r -> r.method().equals("POST")
                        && ("confbridge-" + confbridgeId + "-waiting").equals(r.param("name")))
                .map(r -> r.path().replaceFirst("^/ari/bridges/", "")).toList();
        assertThat(made).as("holding bridges made").isNotEmpty().hasSizeLessThanOrEqualTo(2);
        return await().atMost(WAIT).until(() -> made.stream().filter(b -> simBridgeStatus(b) == 200).toList(),
                kept -> kept.size() == 1).getFirst();
    }

    /** A number whose flow answers, joins the conference, then says "you have left" (heard after a kick). */
    private String numberRunning(String conferenceId) {
        return numberRunning(conferenceId, "participant");
    }

    private String numberRunning(String conferenceId, String role) {
        return api.numberRunning("""
                {"name": "conference line", "actions": [
                  {"id": "answer", "type": "answer", "option": {}},
                  {"id": "join", "type": "conference_join", "option": {"conference_id": "%s", "role": "%s"}},
                  {"id": "after", "type": "talk", "option": {"text": "you have left"}}
                ]}""".formatted(conferenceId, role));
    }

    private List<BusEvent> members(String conferenceId) {
        return bus.matching(e -> e.type().startsWith("conferencecall_")
                && conferenceId.equals(e.data().path("conference_id").asString()));
    }

    /** The conferencecall id of each channel's call. */
    private Map<String, String> participants(String conferenceId, List<String> channels) {
        Map<String, String> byCall = new java.util.HashMap<>();
        get(conferenceManager("/conferences/" + conferenceId + "/conferencecalls?page_size=100")).path("result")
                .forEach(p -> byCall.put(p.path("call_id").asString(), p.path("id").asString()));
        Map<String, String> byChannel = new java.util.HashMap<>();
        for (String channel : channels) {
            byChannel.put(channel, byCall.get(api.callOn(channel).path("id").asString()));
        }
        return byChannel;
    }

    private List<String> plays(String channel) {
        return fleet.sim().requests().stream()
                .filter(r -> r.path().replaceFirst("^/ari", "").startsWith("/channels/" + channel + "/play/"))
                .map(r -> r.param("media")).toList();
    }

    private List<String> bridgeCommands(String bridgeId) {
        List<String> commands = new ArrayList<>();
        for (SimControl.AriRequest r : fleet.sim().requests()) {
            String path = r.path().replaceFirst("^/ari", "");
            if (!path.startsWith("/bridges/" + bridgeId) || r.method().equals("GET")) {
                continue;
            }
            String shown = r.method() + " " + path.replace(bridgeId, "{b}");
            if (path.endsWith("Channel")) {
                shown += " channel=" + r.param("channel");
            } else if (r.method().equals("POST")) {
                shown += " type=" + r.param("type");
            }
            commands.add(shown);
        }
        return commands;
    }

    private List<String> bridgeChannels(String bridgeId) {
        List<String> ids = new ArrayList<>();
        if (simBridgeStatus(bridgeId) == 200) {
            simBridge(bridgeId).path("channels").forEach(c -> ids.add(c.asString()));
        }
        return ids;
    }

    private JsonNode simBridge(String bridgeId) {
        return JSON.readTree(ari(bridgeId).body());
    }

    private int simBridgeStatus(String bridgeId) {
        return ari(bridgeId).statusCode();
    }

    private HttpResponse<String> ari(String bridgeId) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(fleet.simUrl() + "/ari/bridges/" + bridgeId))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "asterisk:asterisk".getBytes(StandardCharsets.UTF_8))).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("asterisk-sim ARI", e);
        }
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

    private static String conferenceManager(String path) {
        return fleet.url("conference-manager", path);
    }
}
