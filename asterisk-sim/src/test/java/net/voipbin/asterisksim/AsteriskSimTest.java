package net.voipbin.asterisksim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class AsteriskSimTest extends SimulatorTest {

    @Test
    void requestsWithoutTheAriCredentialsAreRefused() {
        assertThat(ari.send("GET", "/ari/channels", null, null).status()).isEqualTo(401);
        assertThat(ari.send("GET", "/ari/channels", null, "Basic d3Jvbmc6d3Jvbmc=").body())
                .isEqualTo("{\"message\":\"Authentication required\"}");
        assertThat(ari.send("GET", "/ari/channels?api_key=asterisk:asterisk", null, null).status()).isEqualTo(200);
    }

    @Test
    void anInboundCallAnsweredPlayedAndHungUpByTheCallerEmitsAsteriskEventsInOrder() {
        String channel = sim.placeInboundCall("+15551234", "1000");
        assertThat(ari.post("/ari/channels/" + channel + "/answer").status()).isEqualTo(204);
        AriHttp.Response play = ari.post("/ari/channels/" + channel + "/play?media=sound:tone-1khz");
        assertThat(play.status()).isEqualTo(201);
        assertThat(AriJson.parse(play.body()).get("state").asString()).isEqualTo("playing");
        await().atMost(Duration.ofSeconds(5)).until(() -> types().contains("PlaybackFinished"));
        sim.hangupFromCaller(channel);

        assertThat(types()).containsExactly("StasisStart", "ChannelStateChange", "PlaybackStarted", "PlaybackFinished",
                "ChannelVarset", "ChannelVarset", "ChannelVarset", "ChannelVarset", "ChannelVarset",
                "ChannelHangupRequest", "StasisEnd", "ChannelDestroyed");
        JsonNode start = event(0);
        assertThat(start.at("/channel/state").asString()).isEqualTo("Ring");
        assertThat(start.at("/channel/dialplan/exten").asString()).isEqualTo("1000");
        assertThat(start.at("/channel/caller/number").asString()).isEqualTo("+15551234");
        assertThat(start.get("timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
        assertThat(sim.channelIds()).isEmpty();
    }

    @Test
    void callerDigitsBecomeDtmfEvents() {
        String channel = sim.placeInboundCall("+15551234", "1000");
        sim.pressDigits(channel, "1#");
        assertThat(sim.events()).filteredOn(e -> e.contains("ChannelDtmfReceived"))
                .extracting(e -> AriJson.parse(e).get("digit").asString()).containsExactly("1", "#");
    }

    @Test
    void unknownChannelsAnswer404WithAsteriskBody() {
        AriHttp.Response response = ari.delete("/ari/channels/does-not-exist");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"message\":\"Channel not found\"}");
        assertThat(ari.get("/ari/nothing-here").status()).isEqualTo(404);
    }

    @Test
    void hangupByTheAppIsASoftRequestAndTheReasonBecomesTheCause() {
        String channel = sim.placeInboundCall("+15551234", "1000");
        assertThat(ari.delete("/ari/channels/" + channel + "?reason=bogus").status()).isEqualTo(400);
        assertThat(ari.delete("/ari/channels/" + channel + "?reason=busy").status()).isEqualTo(204);

        JsonNode request = last("ChannelHangupRequest");
        assertThat(request.get("soft").asBoolean()).isTrue();
        assertThat(request.get("cause").asInt()).isEqualTo(32);
        JsonNode destroyed = last("ChannelDestroyed");
        assertThat(destroyed.get("cause").asInt()).isEqualTo(17);
        assertThat(destroyed.get("cause_txt").asString()).isEqualTo("User busy");
        assertThat(ari.get("/ari/channels").body()).isEqualTo("[]");
    }

    @Test
    void originateOutcomesFollowThePlan() {
        sim.planOriginate("busy-number", OriginateOutcome.BUSY, Duration.ofMillis(10));
        sim.planOriginate(null, OriginateOutcome.ANSWERED, Duration.ofMillis(10));
        AriHttp.Response created = ari.post("/ari/channels?endpoint=PJSIP/busy-number@trunk&app=voipbin&channelId=b-1");
        assertThat(created.status()).isEqualTo(200);
        assertThat(AriJson.parse(created.body()).get("state").asString()).isEqualTo("Down");
        ari.post("/ari/channels?endpoint=PJSIP/good-number@trunk&app=voipbin&channelId=a-1&appArgs=campaign,7");

        await().atMost(Duration.ofSeconds(5)).until(() -> types().contains("StasisStart") && !sim.channelIds().contains("b-1"));
        assertThat(last("ChannelDestroyed").get("cause").asInt()).isEqualTo(17);
        assertThat(sim.events()).anyMatch(e -> e.contains("\"dialstatus\":\"BUSY\""));
        JsonNode start = last("StasisStart");
        assertThat(start.at("/channel/id").asString()).isEqualTo("a-1");
        assertThat(start.at("/channel/state").asString()).isEqualTo("Up");
        assertThat(start.get("args").toString()).isEqualTo("[\"campaign\",\"7\"]");
        assertThat(ari.post("/ari/channels?endpoint=PJSIP/x@trunk&channelId=a-1").status()).isEqualTo(409);
    }

    @Test
    void bridgesReportMembershipAndAsteriskErrors() {
        String a = sim.placeInboundCall("1", "1000");
        assertThat(ari.post("/ari/bridges?type=mixing&bridgeId=br-9").status()).isEqualTo(200);
        assertThat(ari.post("/ari/bridges/br-9/addChannel?channel=ghost").body())
                .isEqualTo("{\"message\":\"Channel not found\"}");
        assertThat(ari.post("/ari/bridges/nope/addChannel?channel=" + a).status()).isEqualTo(404);
        assertThat(ari.post("/ari/bridges/br-9/addChannel?channel=" + a).status()).isEqualTo(204);
        assertThat(AriJson.parse(ari.get("/ari/bridges/br-9").body()).get("channels").get(0).asString()).isEqualTo(a);
        sim.hangupFromCaller(a);
        assertThat(types()).containsSubsequence("ChannelEnteredBridge", "ChannelHangupRequest", "ChannelLeftBridge",
                "StasisEnd", "ChannelDestroyed");
    }

    @Test
    void aSecondPlaybackWaitsForTheFirst() {
        String channel = sim.placeInboundCall("1", "1000");
        // A tone plays until stopped, so the second request surely finds the first still playing.
        ari.post("/ari/channels/" + channel + "/play?media=tone:ring&playbackId=p1");
        AriHttp.Response second = ari.post("/ari/channels/" + channel + "/play?media=sound:hello-world&playbackId=p2");
        assertThat(AriJson.parse(second.body()).get("state").asString()).isEqualTo("queued");

        assertThat(ari.delete("/ari/playbacks/p1").status()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(5)).until(() -> types().stream().filter("PlaybackFinished"::equals).count() == 2);
        assertThat(types()).containsSubsequence("PlaybackStarted", "PlaybackFinished", "PlaybackStarted", "PlaybackFinished");
    }

    @Test
    void recordingsStartAndFinishWhenStopped() {
        String channel = sim.placeInboundCall("1", "1000");
        AriHttp.Response started = ari.post("/ari/channels/" + channel + "/record?name=r1&format=wav");
        assertThat(started.status()).isEqualTo(201);
        assertThat(ari.post("/ari/recordings/live/r1/stop").status()).isEqualTo(204);
        assertThat(types()).containsSubsequence("RecordingStarted", "RecordingFinished");
        assertThat(last("RecordingFinished").at("/recording/state").asString()).isEqualTo("done");
    }

    @Test
    void everyRestRequestIsLoggedAsReceived() {
        String channel = sim.placeInboundCall("1", "1000");
        ari.post("/ari/channels/" + channel + "/variable", "{\"variable\":\"FOO\",\"value\":\"bar\"}");
        ari.post("/ari/channels/" + channel + "/answer");

        assertThat(sim.requests()).extracting(RecordedRequest::toString).containsExactly(
                "POST /ari/channels/" + channel + "/variable {\"variable\":\"FOO\",\"value\":\"bar\"}",
                "POST /ari/channels/" + channel + "/answer");
        assertThat(last("ChannelVarset").get("value").asString()).isEqualTo("bar");
    }

    @Test
    void aRequestListenerHearsOfEachRequestBeforeItIsHandled() {
        String channel = sim.placeInboundCall("1", "1000");
        List<String> heard = new CopyOnWriteArrayList<>();
        sim.onRequest(request -> heard.add(request.method() + " " + request.path() + (sim.events().stream()
                .anyMatch(event -> event.contains("ChannelStateChange")) ? " after" : " before") + " the answer"));

        ari.post("/ari/channels/" + channel + "/answer");

        assertThat(heard).containsExactly("POST /ari/channels/" + channel + "/answer before the answer");
        assertThat(types()).contains("ChannelStateChange");
    }

    @Test
    void webSocketClientsGetEventsRawFramesAndSeeOutages() {
        List<String> closed = new CopyOnWriteArrayList<>();
        List<String> frames = ari.connectEvents(closed);
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.connectedClients() == 1);
        String channel = sim.placeInboundCall("1", "1000");
        sim.injectRawFrame("not json");
        sim.pressDigits(channel, "5");
        await().atMost(Duration.ofSeconds(5)).until(() -> frames.size() == 3);
        assertThat(frames.get(1)).isEqualTo("not json");
        assertThat(frames.get(2)).contains("ChannelDtmfReceived");

        sim.stopServer();
        await().atMost(Duration.ofSeconds(5)).until(() -> !closed.isEmpty());
        assertThatThrownBy(() -> ari.get("/ari/channels")).isInstanceOf(IllegalStateException.class);
        sim.startServer();
        assertThat(ari.get("/ari/channels").body()).contains(channel);
    }

    @Test
    void anApplicationsEventFilterKeepsDisallowedTypesFromItsClientsOnly() {
        List<String> frames = ari.connectEvents(new CopyOnWriteArrayList<>());
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.connectedClients() == 1);
        AriHttp.Response filtered = ari.put("/ari/applications/voipbin/eventFilter",
                "{\"disallowed\": [{\"type\": \"ChannelVarset\"}]}");
        assertThat(filtered.status()).isEqualTo(200);
        assertThat(AriJson.parse(filtered.body()).at("/events_disallowed/0/type").asString()).isEqualTo("ChannelVarset");

        String channel = sim.placeInboundCall("+15551234", "1000");
        ari.post("/ari/channels/" + channel + "/answer");
        sim.hangupFromCaller(channel);
        await().atMost(Duration.ofSeconds(5)).until(() -> frames.stream().anyMatch(f -> f.contains("ChannelDestroyed")));
        assertThat(frames).noneMatch(f -> f.contains("\"ChannelVarset\"")).hasSize(5);
        assertThat(types()).as("Asterisk still emits them").contains("ChannelVarset");

        assertThat(ari.put("/ari/applications/voipbin/eventFilter", "{\"allowed\": \"all\"}")
                .status()).isEqualTo(400);
        assertThat(ari.put("/ari/applications/nobody/eventFilter", "{}").status()).isEqualTo(404);
        assertThat(ari.put("/ari/applications/voipbin/eventFilter", "{\"allowed\": [{\"type\": "
                + "\"StasisStart\"}]}").status()).isEqualTo(200);
        String next = sim.placeInboundCall("+15551234", "1000");
        sim.hangupFromCaller(next);
        await().atMost(Duration.ofSeconds(5)).until(() -> frames.size() == 6);
        assertThat(frames.getLast()).contains("StasisStart").contains(next);
    }

    @Test
    void ringHoldAndRedirectBehaveLikeAsterisk() {
        String channel = sim.placeInboundCall("1", "1000");
        assertThat(ari.post("/ari/channels/" + channel + "/ring").status()).isEqualTo(204);
        assertThat(ari.post("/ari/channels/" + channel + "/hold").status()).isEqualTo(204);
        assertThat(ari.delete("/ari/channels/" + channel + "/hold").status()).isEqualTo(204);
        assertThat(ari.post("/ari/channels/" + channel + "/mute?direction=both").status()).isEqualTo(204);
        assertThat(ari.post("/ari/channels/" + channel + "/moh?mohClass=jazz").status()).isEqualTo(204);
        assertThat(ari.delete("/ari/channels/" + channel + "/moh").status()).isEqualTo(204);
        assertThat(ari.post("/ari/channels/no-such-channel/moh").status()).isEqualTo(404);
        assertThat(ari.post("/ari/channels/" + channel + "/dtmf").status()).isEqualTo(400);
        assertThat(ari.post("/ari/channels/" + channel + "/redirect?endpoint=PJSIP/other").status()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(5)).until(() -> sim.channelIds().isEmpty());
        assertThat(types()).containsExactly("StasisStart", "ChannelStateChange", "ChannelHold", "ChannelUnhold",
                "ChannelHangupRequest", "StasisEnd", "ChannelDestroyed");
        assertThat(AriJson.parse(sim.events().get(1)).at("/channel/state").asString()).isEqualTo("Ringing");
    }

    @Test
    void theHttpControlApiPlacesCalls() {
        AriHttp.Response placed = ari.send("POST", "/sim/calls?caller=%2B1555&dialed=2000", null, null);
        String channel = AriJson.parse(placed.body()).get("channel_id").asString();
        assertThat(sim.channelIds()).containsExactly(channel);
        assertThat(ari.send("POST", "/sim/channels/" + channel + "/hangup", null, null).status()).isEqualTo(204);
        assertThat(sim.channelIds()).isEmpty();
    }

    private List<String> types() {
        return sim.events().stream().map(e -> AriJson.parse(e).get("type").asString()).toList();
    }

    private JsonNode event(int index) {
        return AriJson.parse(sim.events().get(index));
    }

    private JsonNode last(String type) {
        return sim.events().reversed().stream().map(AriJson::parse)
                .filter(e -> e.get("type").asString().equals(type)).findFirst().orElseThrow();
    }
}
