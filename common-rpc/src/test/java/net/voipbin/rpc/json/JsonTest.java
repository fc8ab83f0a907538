package net.voipbin.rpc.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.envelope.RpcRequest;
import tools.jackson.databind.json.JsonMapper;

class JsonTest {

    enum Direction { INCOMING, OUTGOING }

    record Call(String callId, Direction direction, Instant tmCreate) {
    }

    private final JsonMapper json = Json.newMapper();

    @Test
    void writesSnakeCaseLowerCaseEnumsAndMillisecondTimestamps() {
        String written = json.writeValueAsString(new Call("c1", Direction.INCOMING, Instant.parse("2026-01-20T12:00:00Z")));

        assertThat(written).isEqualTo("{\"call_id\":\"c1\",\"direction\":\"incoming\",\"tm_create\":\"2026-01-20T12:00:00.000Z\"}");
    }

    @Test
    void readsEnvelopesIgnoringUnknownFields() {
        Event event = json.readValue("""
                {"type":"call_hungup","publisher":"call-manager","timestamp":"2026-01-20T12:00:00.123Z",
                 "data_type":"application/json","data":{"id":"c1"},"added_later":true}""", Event.class);

        assertThat(event.routingKey()).isEqualTo("call-manager.call_hungup");
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-01-20T12:00:00.123Z"));
        assertThat(event.data().get("id").asString()).isEqualTo("c1");
        assertThat(json.writeValueAsString(event)).doesNotContain("asterisk_id");
    }

    @Test
    void writesTheRpcRequestEnvelopeAsDesignMdShowsIt() {
        RpcRequest request = new RpcRequest("/v1/calls/c1/hangup", "post", "flow-manager", null, json.readTree("{}"));

        assertThat(json.writeValueAsString(request)).isEqualTo(
                "{\"uri\":\"/v1/calls/c1/hangup\",\"method\":\"POST\",\"publisher\":\"flow-manager\","
                        + "\"data_type\":\"application/json\",\"data\":{}}");
    }
}
