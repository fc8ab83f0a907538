package net.voipbin.callmanager.number;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.callmanager.call.CallRow;
import net.voipbin.callmanager.support.CallManagerITBase;
import net.voipbin.testsupport.Http;
import tools.jackson.databind.JsonNode;

/** REST: validation errors name the field, a customer sees only its own numbers and calls. */
class NumberRestIT extends CallManagerITBase {

    @Test
    void numbersAreCreatedReadUpdatedListedAndDeleted() {
        String number = ownNumber();
        JsonNode page = read(Http.get(api("/numbers?page_size=10"), token), 200);
        JsonNode created = page.path("result").get(0);
        assertThat(created.path("number").asString()).isEqualTo(number);
        String id = created.path("id").asString();
        UUID flow = UUID.randomUUID();

        JsonNode updated = read(Http.put(api("/numbers/" + id), token, "{\"flow_id\":\"" + flow + "\"}"), 200);
        assertThat(updated.path("flow_id").asString()).isEqualTo(flow.toString());
        read(Http.delete(api("/numbers/" + id), token), 204);
        read(Http.get(api("/numbers/" + id), token), 404);
    }

    @Test
    void invalidRequestsAre400NamingTheField() {
        JsonNode bad = read(Http.post(api("/numbers"), token, "{\"number\":\"12345\"}"), 400);
        assertThat(bad.path("field").asString()).isEqualTo("number");
        JsonNode noFlow = read(Http.post(api("/calls"), token,
                "{\"source\":{\"type\":\"tel\",\"target\":\"+15550100000\"},\"destinations\":[{\"type\":\"tel\",\"target\":\"+15550100001\"}]}"), 400);
        assertThat(noFlow.path("field").asString()).isEqualTo("flow_id");
        JsonNode badStatus = read(Http.get(api("/calls?status=flying"), token), 400);
        assertThat(badStatus.path("field").asString()).isEqualTo("status");
        read(Http.get(api("/calls"), null), 401);
    }

    @Test
    void anOutboundCallWithInlineActionsRunsThemAsAFlowStoredForIt() {
        String body = "{\"source\":{\"type\":\"tel\",\"target\":\"+15550100000\"},"
                + "\"destinations\":[{\"type\":\"tel\",\"target\":\"+15550100002\"}],"
                + "\"actions\":[{\"type\":\"talk\",\"option\":{\"text\":\"your table is ready\"}},"
                + "{\"type\":\"hangup\",\"option\":{}}]}";

        JsonNode created = read(Http.post(api("/calls"), token, body), 201);

        var stored = flows.flowsStored.stream().filter(f -> f.customerId().equals(customer)).toList();
        assertThat(stored).hasSize(1);
        assertThat(stored.getFirst().actions()).extracting(a -> a.type()).containsExactly("talk", "hangup");
        assertThat(created.get(0).path("flow_id").asString()).isEqualTo(stored.getFirst().id().toString());
        JsonNode both = read(Http.post(api("/calls"), token, body.replace("\"actions\"",
                "\"flow_id\":\"" + stored.getFirst().id() + "\",\"actions\"")), 400);
        assertThat(both.path("field").asString()).isEqualTo("actions");
    }

    @Test
    void aNumberIsTakenOnceAndAnotherCustomersResourcesAreNotFound() {
        String number = ownNumber();
        String other = tokenFor(UUID.randomUUID());
        read(Http.post(api("/numbers"), other, "{\"number\":\"" + number + "\"}"), 409);
        String numberId = read(Http.get(api("/numbers"), token), 200).path("result").get(0).path("id").asString();
        read(Http.get(api("/numbers/" + numberId), other), 404);
        read(Http.delete(api("/numbers/" + numberId), other), 404);

        CallRow call = inbound(number);
        read(Http.get(api("/calls/" + call.id()), token), 200);
        read(Http.get(api("/calls/" + call.id()), other), 404);
        read(Http.post(api("/calls/" + call.id() + "/hangup"), other, "{}"), 404);
        assertThat(read(Http.get(api("/calls"), other), 200).path("result").size()).isZero();
    }

    @Test
    void callsAreListedNewestFirstInPagesAndFilteredByStatus() {
        String number = ownNumber();
        CallRow first = inbound(number);
        CallRow second = inbound(number);
        read(Http.post(api("/calls/" + first.id() + "/hangup"), token, "{\"reason\":\"normal\"}"), 200);
        awaitStatus(first.id(), net.voipbin.contract.callmanager.CallStatus.HANGUP);

        JsonNode page1 = read(Http.get(api("/calls?page_size=1"), token), 200);
        assertThat(page1.path("result").get(0).path("id").asString()).isEqualTo(second.id().toString());
        JsonNode page2 = read(Http.get(api("/calls?page_size=1&page_token=" + page1.path("next_page_token").asString()),
                token), 200);
        assertThat(page2.path("result").get(0).path("id").asString()).isEqualTo(first.id().toString());
        JsonNode hungup = read(Http.get(api("/calls?status=hangup"), token), 200);
        assertThat(hungup.path("result")).hasSize(1);
        assertThat(hungup.path("result").get(0).path("hangup_by").asString()).isEqualTo("local");
    }
}
