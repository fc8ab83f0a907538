package net.voipbin.asterisksim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** externalMedia with AudioSocket behaves like chan_audiosocket: a real TCP connection, audio only while bridged. */
class AudioSocketMediaTest extends SimulatorTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private FakeAudioSocketServer far;

    @BeforeEach
    void startServer() {
        far = new FakeAudioSocketServer();
    }

    @AfterEach
    void stopServer() {
        far.close();
    }

    @Test
    void theChannelConnectsAnnouncesItsUuidAndCarriesTheCallersVoiceOnlyWhileBridgedWithTheCaller() {
        String caller = answeredCaller();
        UUID session = UUID.randomUUID();
        String media = externalMedia("slin16", session);
        FakeAudioSocketServer.Connection socket = await().atMost(WAIT).until(() -> far.connections, c -> !c.isEmpty())
                .getFirst();
        await().atMost(WAIT).until(() -> !socket.frames.isEmpty());
        assertThat(socket.frames.getFirst().kind()).isEqualTo(0x01);
        assertThat(socket.uuid()).isEqualTo(session);

        String bridge = bridgeWith(caller, media);
        await().atMost(WAIT).until(() -> socket.audio().size() >= 5);
        assertThat(socket.audio()).allSatisfy(frame -> {
            assertThat(frame.kind()).isEqualTo(0x12);
            assertThat(frame.payload()).hasSize(640);
        });
        assertThat(socket.audio().getFirst().payload()).as("the caller's voice, not silence").isNotEqualTo(new byte[640]);
        socket.send(0x12, new byte[640]);
        socket.send(0x12, tone640());
        await().atMost(WAIT).until(() -> sim.audioSocket(media).orElseThrow().framesReceived() == 2);
        assertThat(sim.audioSocket(media).orElseThrow().audibleFramesReceived()).isEqualTo(1);

        sim.hangupFromCaller(caller);
        long sent = sim.audioSocket(media).orElseThrow().framesSent();
        await().during(Duration.ofMillis(300)).atMost(WAIT)
                .until(() -> sim.audioSocket(media).orElseThrow().framesSent() <= sent + 1);
        assertThat(sim.channelIds()).as("alone in its bridge, the AudioSocket channel stays up").containsExactly(media);
        assertThat(AriJson.parse(ari.get("/ari/bridges/" + bridge).body()).get("channels").get(0).asString()).isEqualTo(media);

        socket.close();
        await().atMost(WAIT).until(() -> !sim.channelIds().contains(media));
        assertThat(typesOf(media)).endsWith("ChannelHangupRequest", "ChannelLeftBridge", "StasisEnd", "ChannelDestroyed");
        assertThat(sim.audioSocket(media).orElseThrow().closed()).isTrue();
    }

    @Test
    void aFormatThisAsteriskCannotTranslateEntersTheBridgeLeavesAtOnceAndCarriesNoAudio() {
        sim.refuseFormat("slin16");
        String caller = answeredCaller();
        String wide = externalMedia("slin16", UUID.randomUUID());
        bridgeWith(caller, wide);
        assertThat(typesOf(wide)).containsSubsequence("StasisStart", "ChannelEnteredBridge", "ChannelLeftBridge");
        FakeAudioSocketServer.Connection socket = await().atMost(WAIT).until(() -> far.connections, c -> !c.isEmpty())
                .getFirst();
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> socket.audio().isEmpty());
        assertThat(socket.frames).singleElement().satisfies(f -> assertThat(f.kind()).isEqualTo(0x01));
        assertThat(sim.channelIds()).contains(wide);

        String narrow = externalMedia("ulaw", UUID.randomUUID());
        bridgeWith(caller, narrow);
        await().atMost(WAIT).until(() -> far.connections.size() == 2 && far.connections.get(1).audio().size() >= 3);
        assertThat(far.connections.get(1).audio()).allSatisfy(frame -> {
            assertThat(frame.kind()).isEqualTo(0x10);
            assertThat(frame.payload()).hasSize(160);
        });
    }

    @Test
    void hangingTheChannelUpClosesItsSocket() {
        String media = externalMedia("slin", UUID.randomUUID());
        FakeAudioSocketServer.Connection socket = await().atMost(WAIT).until(() -> far.connections, c -> !c.isEmpty())
                .getFirst();
        await().atMost(WAIT).until(() -> !socket.frames.isEmpty());
        assertThat(ari.delete("/ari/channels/" + media).status()).isEqualTo(204);
        await().atMost(WAIT).until(() -> !socket.open);
        assertThat(sim.audioSocket(media).orElseThrow().connected()).isTrue();
    }

    @Test
    void theHttpControlApiRefusesFormatsAndShowsWhatWentOverTheSocket() {
        assertThat(ari.post("/sim/refuse-format?format=slin16").status()).isEqualTo(204);
        String media = externalMedia("slin16", UUID.randomUUID());
        await().atMost(WAIT).until(() -> !far.connections.isEmpty());
        JsonNode stats = AriJson.parse(await().atMost(WAIT).until(() -> ari.get("/sim/audiosocket/" + media),
                r -> r.status() == 200 && r.body().contains("\"connected\":true")).body());
        assertThat(stats.get("frames_sent").asLong()).isZero();
        assertThat(ari.get("/sim/audiosocket/nope").status()).isEqualTo(404);
    }

    private String answeredCaller() {
        String caller = sim.placeInboundCall("+15551234", "1000");
        assertThat(ari.post("/ari/channels/" + caller + "/answer").status()).isEqualTo(204);
        return caller;
    }

    private String externalMedia(String format, UUID data) {
        String id = UUID.randomUUID().toString();
        AriHttp.Response created = ari.post("/ari/channels/externalMedia?app=voipbin&channelId=" + id
                + "&external_host=" + far.address() + "&format=" + format
                + "&encapsulation=audiosocket&transport=tcp&connection_type=client&direction=both&data=" + data);
        assertThat(created.status()).isEqualTo(200);
        return id;
    }

    private String bridgeWith(String caller, String media) {
        String bridge = UUID.randomUUID().toString();
        ari.post("/ari/bridges/" + bridge + "?type=mixing&name=call-x");
        assertThat(ari.post("/ari/bridges/" + bridge + "/addChannel?channel=" + caller).status()).isEqualTo(204);
        assertThat(ari.post("/ari/bridges/" + bridge + "/addChannel?channel=" + media).status()).isEqualTo(204);
        return bridge;
    }

    private List<String> typesOf(String channelId) {
        return sim.events().stream().map(AriJson::parse)
                .filter(e -> channelId.equals(e.path("channel").path("id").asString("")))
                .map(e -> e.get("type").asString()).toList();
    }

    private static byte[] tone640() {
        byte[] payload = new byte[640];
        for (int i = 0; i < 320; i++) {
            short s = (short) (4000 * Math.sin(i / 5.0));
            payload[2 * i] = (byte) s;
            payload[2 * i + 1] = (byte) (s >> 8);
        }
        return payload;
    }
}
