package net.voipbin.asterisksim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** One channel's events reaching the platform late, while Asterisk's state and other channels' events go on. */
class HeldEventsTest extends SimulatorTest {

    @Test
    void aHeldChannelsEventsComeAfterTheReleaseInTheirOrderAndOthersGoOn() {
        String a = sim.placeInboundCall("+15550001", "1000");
        String b = sim.placeInboundCall("+15550002", "1000");
        HeldEvents held = sim.holdEventsOf(b, "ChannelEnteredBridge");
        ari.post("/ari/bridges/mix?type=mixing");
        ari.post("/ari/bridges/mix/addChannel?channel=" + a + "," + b);

        assertThat(held.arrived()).isTrue();
        // Asterisk has both in the bridge; the platform has heard of a's entry only.
        assertThat(AriJson.parse(ari.get("/ari/bridges/mix").body()).get("channels").toString())
                .isEqualTo("[\"" + a + "\",\"" + b + "\"]");
        assertThat(typesOf(b)).containsExactly("StasisStart");
        sim.hangupFromCaller(b);
        sim.hangupFromCaller(a);
        assertThat(typesOf(a)).containsSubsequence("ChannelEnteredBridge", "ChannelLeftBridge", "ChannelDestroyed");
        assertThat(typesOf(b)).containsExactly("StasisStart");

        held.release();

        assertThat(typesOf(b)).containsExactly("StasisStart", "ChannelEnteredBridge", "ChannelHangupRequest",
                "ChannelLeftBridge", "StasisEnd", "ChannelDestroyed");
        List<String> all = sim.events().stream().map(e -> AriJson.parse(e).get("type").asString()).toList();
        assertThat(all.getLast()).isEqualTo("ChannelDestroyed");
    }

    @Test
    void aHoldStartsAtItsEventTypeAndLetsLaterChannelsEventsThroughOnceReleased() {
        String a = sim.placeInboundCall("+15550001", "1000");
        HeldEvents held = sim.holdEventsOf(a, "ChannelHangupRequest");
        sim.pressDigits(a, "1");
        assertThat(held.arrived()).isFalse();
        assertThat(typesOf(a)).contains("ChannelDtmfReceived");

        sim.hangupFromCaller(a);
        assertThat(held.arrived()).isTrue();
        assertThat(typesOf(a)).doesNotContain("ChannelHangupRequest", "ChannelDestroyed");
        held.release();
        assertThat(typesOf(a)).containsSubsequence("ChannelHangupRequest", "StasisEnd", "ChannelDestroyed");
    }

    private List<String> typesOf(String channel) {
        return sim.events().stream().map(AriJson::parse)
                .filter(e -> channel.equals(e.path("channel").path("id").asString("")))
                .map(e -> e.get("type").asString()).toList();
    }
}
