package net.voipbin.callmanager.ari;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.voipbin.rpc.json.Json;
import tools.jackson.databind.json.JsonMapper;

/** The lane key of the real Asterisk events (the captured samples): every event of a call goes to one lane. */
class ChannelLanesTest {

    private final JsonMapper json = Json.newMapper();

    private List<String> sample(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/asterisk-samples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.contains("\"_rest\"")).toList();
        }
    }

    private String keyOf(String ariJson) {
        return ChannelLanes.key(json.readTree(ariJson), "a1");
    }

    @Test
    void everyEventOfTheSampledCallMapsToItsChannel() throws IOException {
        List<String> events = sample("inbound-call-answer-play-hangup.jsonl");
        assertThat(events).hasSizeGreaterThan(5);
        assertThat(events).allSatisfy(event -> assertThat(keyOf(event)).isEqualTo("1795576153.1"));
    }

    @Test
    void bridgeOnlyAndProxyEventsHaveKeysToo() {
        assertThat(keyOf("{\"type\":\"BridgeDestroyed\",\"bridge\":{\"id\":\"b-9\"}}")).isEqualTo("b-9");
        assertThat(keyOf("{\"type\":\"RecordingStarted\",\"recording\":{\"target_uri\":\"channel:c-7\"}}")).isEqualTo("c-7");
        assertThat(ChannelLanes.key(json.readTree("{}"), "a1"))
                .isEqualTo("a1");
    }

    @Test
    void aKeyAlwaysPicksTheSameLaneWithinRange() {
        for (String key : List.of("", "1795576153.1", "b-9", "x".repeat(100))) {
            int lane = ChannelLanes.lane(key, 8);
            assertThat(lane).isBetween(0, 7).isEqualTo(ChannelLanes.lane(key, 8));
        }
    }
}
