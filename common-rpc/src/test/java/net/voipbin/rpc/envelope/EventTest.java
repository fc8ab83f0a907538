package net.voipbin.rpc.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.rpc.json.Json;

class EventTest {

    @Test
    void aUuidFieldIsReadAndAMissingOrMalformedOneIsEmptyRatherThanAFailure() {
        UUID id = UUID.randomUUID();
        Event event = new Event("call_hungup", "call-manager", Instant.now(),
                Json.newMapper().createObjectNode().put("id", id.toString()).put("call_id", "not-a-uuid"));

        assertThat(event.uuid("id")).contains(id);
        assertThat(event.uuid("call_id")).isEmpty();
        assertThat(event.uuid("absent")).isEmpty();
        assertThat(new Event("x", "y", Instant.now(), null).uuid("id")).isEmpty();
    }
}
