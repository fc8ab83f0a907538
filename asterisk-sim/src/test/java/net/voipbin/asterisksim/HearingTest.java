package net.voipbin.asterisksim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What callers hear of each other in a bridge: a mixing bridge mixes, a holding bridge keeps them apart. */
class HearingTest extends SimulatorTest {

    @Test
    void callersInAMixingBridgeHearEachOtherAndItsMusic() {
        String a = sim.placeInboundCall("+15550001", "1000");
        String b = sim.placeInboundCall("+15550002", "1000");
        ari.post("/ari/bridges/mix?type=mixing");
        ari.post("/ari/bridges/mix/addChannel?channel=" + a + "," + b);

        assertThat(sim.hears(a)).containsExactly(b);
        assertThat(ari.post("/ari/bridges/mix/moh?mohClass=jazz").status()).isEqualTo(204);
        assertThat(sim.hears(b)).containsExactly(a, "moh:jazz");
        ari.delete("/ari/bridges/mix/moh");
        assertThat(sim.hears(b)).containsExactly(a);
    }

    @Test
    void callersInAHoldingBridgeHearOnlyItsMusicOnHoldNotEachOther() {
        String a = sim.placeInboundCall("+15550001", "1000");
        String b = sim.placeInboundCall("+15550002", "1000");
        AriHttp.Response created = ari.post("/ari/bridges/wait?type=holding");
        assertThat(AriJson.parse(created.body()).get("bridge_type").asString()).isEqualTo("holding");
        ari.post("/ari/bridges/wait/addChannel?channel=" + a + "," + b);
        assertThat(sim.hears(a)).isEmpty();

        ari.post("/ari/bridges/wait/moh");

        assertThat(sim.hears(a)).containsExactly("moh:default");
        assertThat(sim.hears(b)).containsExactly("moh:default");
        // Moved into a mixing bridge, they hear each other.
        ari.post("/ari/bridges/mix?type=mixing");
        ari.post("/ari/bridges/mix/addChannel?channel=" + a + "," + b);
        assertThat(sim.hears(a)).containsExactly(b);
        assertThat(sim.events()).filteredOn(e -> e.contains("\"ChannelLeftBridge\"")).hasSize(2);
    }

    @Test
    void theControlApiTellsWhatAChannelHears() {
        String a = sim.placeInboundCall("+15550001", "1000");
        assertThat(ari.get("/sim/channels/" + a + "/hears").body()).isEqualTo("[]");
        assertThat(ari.get("/sim/channels/nobody/hears").status()).isEqualTo(404);
    }
}
