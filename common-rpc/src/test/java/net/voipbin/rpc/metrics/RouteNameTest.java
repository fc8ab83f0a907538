package net.voipbin.rpc.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RouteNameTest {

    @Test
    void foldsIdsNumbersAndChannelNamesButKeepsVersionsAndNames() {
        assertThat(RouteName.of("/v1/calls/3f1c2b9e-64a8-4c55-9e0e-8b2f3c1d5e77/play")).isEqualTo("/v1/calls/{id}/play");
        assertThat(RouteName.of("/ari/channels/1796505242.2/answer")).isEqualTo("/ari/channels/{id}/answer");
        assertThat(RouteName.of("/v1.0/numbers/+15554442053")).isEqualTo("/v1.0/numbers/{id}");
        assertThat(RouteName.of("/v1/greetings/erin")).isEqualTo("/v1/greetings/erin");
        assertThat(RouteName.of("/ari/channels?endpoint=PJSIP/1001@trunk")).isEqualTo("/ari/channels");
    }

    @Test
    void namesWhatIsNoPathAndCapsTheLength() {
        assertThat(RouteName.of(null)).isEqualTo("unknown");
        assertThat(RouteName.of("")).isEqualTo("unknown");
        assertThat(RouteName.of("/" + "a".repeat(500))).hasSize(120);
    }
}
