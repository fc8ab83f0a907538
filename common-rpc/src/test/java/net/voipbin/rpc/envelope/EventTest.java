package net.voipbin.rpc.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.rpc.json.Json;
import tools.jackson.databind.json.JsonMapper;

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

    @Test
    void theEventIdTravelsInTheEnvelopeSoASecondSendOfTheSameEventReadsAsTheSameEvent() {
        JsonMapper json = Json.newMapper();
        Event event = new Event("call_hungup", "call-manager", Instant.now(), json.createObjectNode());

        Event sentTwice = json.readValue(json.writeValueAsBytes(event), Event.class);

        assertThat(json.readTree(json.writeValueAsBytes(event)).path("event_id").asString())
                .isEqualTo(event.eventId().toString());
        assertThat(sentTwice.eventId()).isEqualTo(event.eventId());
        assertThat(new Event("call_hungup", "call-manager", Instant.now(), null).eventId()).isNotEqualTo(event.eventId());
    }

    @Test
    void anEnvelopeFromAPublisherThatSetsNoEventIdStillReads() {
        Event event = Json.newMapper().readValue(
                "{\"type\":\"x\",\"publisher\":\"y\",\"data\":{}}", Event.class);

        assertThat(event.eventId()).isNull();
    }
}
