package net.voipbin.asterisksim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import tools.jackson.databind.JsonNode;

/**
 * Every event type captured from a real Asterisk 22 (src/test/resources/asterisk-samples/events) is
 * produced by the simulator with the same field names, key
 * order, nesting and JSON types. The scenario below drives the simulator through REST and the
 * control API until each type has been emitted.
 */
class SimConformanceTest {

    private static final List<String> SAMPLES = List.of(
            "BridgeDestroyed", "ChannelCallerId", "ChannelConnectedLine", "ChannelDestroyed", "ChannelDialplan",
            "ChannelDtmfReceived", "ChannelEnteredBridge", "ChannelHangupRequest-soft", "ChannelHangupRequest",
            "ChannelLeftBridge", "ChannelStateChange-Ringing", "ChannelStateChange-Up", "ChannelVarset", "Dial",
            "PlaybackFinished-done", "PlaybackFinished-failed", "PlaybackStarted", "StasisEnd",
            "StasisStart-externalMedia-audiosocket", "StasisStart-inbound-pjsip", "StasisStart-local",
            "StasisStart-outbound-pjsip");

    private static AsteriskSim sim;
    private static List<JsonNode> emitted;

    @BeforeAll
    static void runScenario() {
        sim = AsteriskSim.start(SimConfig.defaults().withTimeScale(0.001));
        AriHttp ari = new AriHttp(sim);
        sim.planOriginate(null, OriginateOutcome.ANSWERED, Duration.ofMillis(100));
        String inbound = sim.placeInboundCall("+15551234", "1000");
        ari.post("/ari/channels/" + inbound + "/answer");
        sim.pressDigits(inbound, "1");
        ari.post("/ari/channels/" + inbound + "/play?media=sound%3Atone-1khz");
        ari.post("/ari/channels/" + inbound + "/variable?variable=FOO&value=bar");
        ari.post("/ari/channels/" + inbound + "/variable?variable=CALLERID(num)&value=5550000");
        ari.post("/ari/channels/" + inbound + "/variable?variable=CONNECTEDLINE(num)&value=5551111");
        ari.post("/ari/channels?endpoint=PJSIP/%2B15559999@trunk&app=voipbin&channelId=out-1&callerId=1000");
        ari.post("/ari/channels?endpoint=Local/stasis@ari-local&app=voipbin&channelId=local-1");
        ari.post("/ari/channels/externalMedia?app=voipbin&external_host=127.0.0.1:9092&format=slin"
                + "&encapsulation=audiosocket&transport=tcp&channelId=em-1&data=11111111-2222-3333-4444-555555555555");
        ari.post("/ari/bridges?type=mixing&bridgeId=br-1&name=br-1");
        ari.post("/ari/bridges/br-1/addChannel?channel=" + inbound + ",em-1");
        ari.post("/ari/bridges/br-1/removeChannel?channel=em-1");
        ari.delete("/ari/bridges/br-1");
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.channelIds().contains("out-1")
                && sim.events().stream().anyMatch(e -> e.contains("\"StasisStart\"") && e.contains("out-1")));
        ari.post("/ari/channels/em-1/play?media=tone%3Aring");
        ari.delete("/ari/channels/em-1?reason=normal");
        ari.post("/ari/channels/out-1/continue");
        sim.hangupFromCaller(inbound);
        await().atMost(Duration.ofSeconds(5)).until(() -> !sim.channelIds().contains("out-1"));
        emitted = sim.events().stream().map(AriJson::parse).toList();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @TestFactory
    List<DynamicTest> everySampledEventTypeHasTheSameShape() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String sample : SAMPLES) {
            tests.add(DynamicTest.dynamicTest(sample, () -> {
                JsonNode expected = AriJson.parse(read("asterisk-samples/events/" + sample + ".json"));
                Optional<JsonNode> actual = emitted.stream().filter(variant(sample, expected)).findFirst();
                assertThat(actual).as("simulator emitted a %s", sample).isPresent();
                assertThat(shape(actual.get())).as(sample).isEqualTo(shape(expected));
            }));
        }
        return tests;
    }

    /** The emitted event that corresponds to a sample: same type, and the variant the file name says. */
    private static Predicate<JsonNode> variant(String sample, JsonNode expected) {
        Predicate<JsonNode> sameType = e -> e.get("type").asString().equals(expected.get("type").asString());
        return switch (sample) {
            case "ChannelHangupRequest-soft" -> sameType.and(e -> e.has("soft"));
            case "ChannelHangupRequest" -> sameType.and(e -> !e.has("soft"));
            case "ChannelStateChange-Ringing" -> sameType.and(e -> state(e).equals("Ringing"));
            case "ChannelStateChange-Up" -> sameType.and(e -> state(e).equals("Up"));
            case "PlaybackFinished-done" -> sameType.and(e -> e.at("/playback/state").asString().equals("done"));
            case "PlaybackFinished-failed" -> sameType.and(e -> e.at("/playback/state").asString().equals("failed"));
            case "StasisStart-externalMedia-audiosocket" -> sameType.and(e -> name(e).startsWith("AudioSocket/"));
            case "StasisStart-inbound-pjsip" -> sameType.and(e -> state(e).equals("Ring"));
            case "StasisStart-local" -> sameType.and(e -> name(e).startsWith("Local/"));
            case "StasisStart-outbound-pjsip" -> sameType.and(e -> state(e).equals("Up") && name(e).startsWith("PJSIP/"));
            default -> sameType;
        };
    }

    private static String state(JsonNode event) {
        return event.at("/channel/state").asString("");
    }

    private static String name(JsonNode event) {
        return event.at("/channel/name").asString("");
    }

    /** Field names in order, nested objects, and JSON types; an array is described by its first element. */
    static Object shape(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            node.properties().forEach(entry -> fields.put(entry.getKey(), shape(entry.getValue())));
            return fields;
        }
        if (node.isArray()) {
            return node.isEmpty() ? "array" : List.of("array", shape(node.get(0)));
        }
        return node.getNodeType().name();
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = SimConformanceTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
