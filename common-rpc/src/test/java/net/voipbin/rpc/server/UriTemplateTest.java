package net.voipbin.rpc.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class UriTemplateTest {

    @Test
    void matchesLiteralsAndExtractsDecodedVariables() {
        UriTemplate template = new UriTemplate("/v1/calls/{id}/digits/{digit}");

        assertThat(template.match("/v1/calls/abc/digits/%23")).contains(Map.of("id", "abc", "digit", "#"));
        assertThat(template.match("/v1/calls/abc/digits/1/")).contains(Map.of("id", "abc", "digit", "1"));
        assertThat(new UriTemplate("/v1/numbers/{number}").match("/v1/numbers/+15551230001"))
                .as("a plus in a path is a plus").contains(Map.of("number", "+15551230001"));
    }

    @Test
    void refusesOtherShapes() {
        UriTemplate template = new UriTemplate("/v1/calls/{id}");

        assertThat(template.match("/v1/calls")).isEmpty();
        assertThat(template.match("/v1/calls/")).isEmpty();
        assertThat(template.match("/v1/flows/abc")).isEmpty();
        assertThat(template.match("/v1/calls/abc/hangup")).isEmpty();
    }
}
