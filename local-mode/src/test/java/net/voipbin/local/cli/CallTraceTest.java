package net.voipbin.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.json.Json;
import tools.jackson.databind.json.JsonMapper;

class CallTraceTest {

    private static final JsonMapper JSON = Json.newMapper();

    private final String callId = UUID.randomUUID().toString();
    private final CallTrace trace = new CallTrace("1796.2");

    @Test
    void followsOneCallFromItsChannelAndItsFlowByReferenceAndIgnoresOtherCalls() {
        assertThat(trace.accept(event("flow-manager", "activeflow_created",
                "{\"id\":\"" + UUID.randomUUID() + "\",\"reference_id\":\"" + callId + "\"}"))).isEmpty();
        assertThat(trace.accept(event("call-manager", "call_created",
                "{\"id\":\"" + callId + "\",\"channel_id\":\"1796.2\",\"status\":\"ringing\"}")))
                .extracting(Event::type).containsExactly("call_created", "activeflow_created");
        assertThat(trace.accept(event("call-manager", "call_created",
                "{\"id\":\"" + UUID.randomUUID() + "\",\"channel_id\":\"other\"}"))).isEmpty();
        assertThat(trace.accept(event("call-manager", "call_dtmf_received",
                "{\"call_id\":\"" + callId + "\",\"digit\":\"2\"}"))).hasSize(1);
        assertThat(trace.finished()).isFalse();

        trace.accept(event("call-manager", "call_hungup", "{\"id\":\"" + callId + "\",\"channel_id\":\"1796.2\"}"));
        assertThat(trace.finished()).as("hung up, its flow not yet ended").isFalse();
        trace.accept(event("flow-manager", "activeflow_deleted", "{\"reference_id\":\"" + callId + "\"}"));

        assertThat(trace.finished()).isTrue();
        assertThat(trace.types()).containsExactly("call_created", "activeflow_created", "call_dtmf_received",
                "call_hungup", "activeflow_deleted");
    }

    private static Event event(String publisher, String type, String data) {
        return new Event(type, publisher, Instant.now(), JSON.readTree(data));
    }
}
