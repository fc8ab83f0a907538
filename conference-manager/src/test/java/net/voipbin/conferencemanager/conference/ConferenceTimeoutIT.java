package net.voipbin.conferencemanager.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import net.voipbin.contract.conferencemanager.ConferencecallCreate;
import net.voipbin.conferencemanager.support.ConferenceManagerITBase;
import net.voipbin.testsupport.Http;
import tools.jackson.databind.JsonNode;

/** A conference's timeout is one durable deadline: an update replaces it, and it ends the conference once. */
class ConferenceTimeoutIT extends ConferenceManagerITBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void anUpdatedTimeoutReplacesTheDeadlineAndEndsTheConferenceOnceWithThePostFlow() {
        UUID postFlow = UUID.randomUUID();
        JsonNode conference = createConference("{\"timeout\":3600,\"post_flow_id\":\"" + postFlow + "\"}");
        UUID conferenceId = id(conference);
        Instant created = Instant.parse(conference.get("tm_create").asString());
        assertThat(deadlines(conferenceId)).isEqualTo(1);
        client.join(new ConferencecallCreate(customer, conferenceId, "call", UUID.randomUUID(), null, null));
        await().atMost(WAIT).until(() -> events.members(conferenceId).size() == 1);

        // Seconds below a minute are honoured as they are, counted from the conference's creation.
        Http.Response update = Http.put(api("/conferences/" + conferenceId), token, "{\"timeout\":2}");
        assertThat(update.status()).isEqualTo(200);
        assertThat(deadlines(conferenceId)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT due_at FROM conference_timeouts WHERE conference_id = ?").param(conferenceId)
                .query(java.sql.Timestamp.class).single().toInstant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                .isEqualTo(created.plusSeconds(2));

        await().atMost(WAIT).until(() -> "terminated".equals(get("/conferences/" + conferenceId).get("status").asString()));
        JsonNode left = events.members(conferenceId).get(1).data();
        assertThat(left.get("reason").asString()).isEqualTo("timeout");
        assertThat(left.get("post_flow_id").asString()).isEqualTo(postFlow.toString());
        assertThat(deadlines(conferenceId)).isZero();
        await().during(java.time.Duration.ofMillis(500)).atMost(WAIT).until(() -> events
                .of("conference_updated", "id", conferenceId).stream()
                .filter(c -> "terminating".equals(c.get("status").asString())).count() == 1);
    }

    @Test
    void aTimeoutSetToZeroRemovesTheDeadline() {
        UUID conferenceId = id(createConference("{\"timeout\":1}"));
        Http.put(api("/conferences/" + conferenceId), token, "{\"timeout\":0}");

        assertThat(deadlines(conferenceId)).isZero();
        await().during(java.time.Duration.ofMillis(1500)).atMost(WAIT)
                .until(() -> "progressing".equals(get("/conferences/" + conferenceId).get("status").asString()));
    }

    private int deadlines(UUID conferenceId) {
        return jdbc.sql("SELECT count(*) FROM conference_timeouts WHERE conference_id = ?").param(conferenceId)
                .query(Integer.class).single();
    }
}
