package net.voipbin.conferencemanager.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.contract.conferencemanager.ConferencecallCreate;
import net.voipbin.conferencemanager.support.ConferenceManagerITBase;
import net.voipbin.rpc.client.RpcErrorException;
import net.voipbin.rpc.envelope.RpcResponse;
import net.voipbin.testsupport.Http;
import tools.jackson.databind.JsonNode;

/**
 * Joins the conference must refuse, each with a clear error before anything is asked of call-manager
 * (flow-manager then goes on with the flow's next action); and the REST API's bad input.
 */
class ConferenceJoinRefusalIT extends ConferenceManagerITBase {

    @Test
    void anUnknownConferenceIsNotFound() {
        assertRefused(join(UUID.randomUUID(), customer), 404, "not_found");
    }

    @Test
    void anotherCustomersConferenceIsNotFound() {
        UUID conferenceId = id(createConference("{}"));
        assertRefused(join(conferenceId, UUID.randomUUID()), 404, "not_found");
        assertThat(callManager.commands).noneMatch(c -> c.startsWith("join"));
    }

    @Test
    void aTerminatedConferenceRefusesTheJoin() {
        UUID conferenceId = id(createConference("{}"));
        Http.post(api("/conferences/" + conferenceId + "/stop"), token, "{}");

        assertRefused(join(conferenceId, customer), 409, "conference_terminated");
        assertThat(callManager.commands).noneMatch(c -> c.startsWith("join"));
    }

    @Test
    void aFullConferenceRefusesTheJoin() {
        UUID conferenceId = id(createConference("{\"max_participants\":1}"));
        client.join(request(conferenceId, customer));

        assertRefused(join(conferenceId, customer), 409, "conference_full");
    }

    @Test
    void aCallThatHungUpIsRefusedByCallManagerAndLeavesNoParticipantBehind() {
        UUID conferenceId = id(createConference("{\"max_participants\":1}"));
        UUID call = UUID.randomUUID();
        callManager.hungUp.add(call);

        assertThatThrownBy(() -> client.join(new ConferencecallCreate(customer, conferenceId, "call", call, null, null)))
                .isInstanceOfSatisfying(RpcErrorException.class, e -> assertThat(e.code()).isEqualTo("call_hungup"));
        // The failed participant does not hold the one place.
        client.join(request(conferenceId, customer));
    }

    @Test
    void aMalformedJoinIsABadRequest() {
        RpcResponse response = rpc.send(topology.requestQueue("conference-manager"), "POST", "/v1/conferencecalls",
                java.util.Map.of("customer_id", customer.toString(), "reference_id", "not-a-uuid"));
        assertThat(response.statusCode()).isEqualTo(400);
        RpcResponse noConference = rpc.send(topology.requestQueue("conference-manager"), "POST", "/v1/conferencecalls",
                java.util.Map.of("customer_id", customer.toString(), "reference_id", UUID.randomUUID().toString()));
        assertThat(noConference.statusCode()).isEqualTo(400);
        assertThat(noConference.data().get("field").asString()).isEqualTo("conference_id");
    }

    @Test
    void restRefusesBadFieldsAndHidesOtherCustomersConferences() {
        Http.Response badTimeout = Http.post(api("/conferences"), token, "{\"timeout\":-1}");
        assertThat(badTimeout.status()).isEqualTo(400);
        assertThat(json.readTree(badTimeout.body()).get("field").asString()).isEqualTo("timeout");
        Http.Response badType = Http.post(api("/conferences"), token, "{\"type\":\"party\"}");
        assertThat(badType.status()).isEqualTo(400);
        Http.Response badConnect = Http.post(api("/conferences"), token, "{\"type\":\"connect\",\"max_participants\":5}");
        assertThat(json.readTree(badConnect.body()).get("field").asString()).isEqualTo("max_participants");

        UUID conferenceId = id(createConference("{\"name\":\"mine\"}"));
        String otherToken = net.voipbin.rpc.auth.JwtTokens.mint(net.voipbin.testsupport.TestInfra.JWT_SECRET,
                UUID.randomUUID(), java.time.Duration.ofHours(1));
        assertThat(Http.get(api("/conferences/" + conferenceId), otherToken).status()).isEqualTo(404);
        assertThat(Http.post(api("/conferences/" + conferenceId + "/stop"), otherToken, "{}").status()).isEqualTo(404);
        assertThat(Http.get(api("/conferences/" + UUID.randomUUID()), token).status()).isEqualTo(404);
        assertThat(Http.get(api("/conferences/x"), token).status()).isEqualTo(400);
        assertThat(Http.get(api("/conferences"), null).status()).isEqualTo(401);
        createConference("{\"name\":\"second\"}");
        JsonNode page = get("/conferences?page_size=1");
        assertThat(page.get("result").get(0).get("name").asString()).isEqualTo("second");
        JsonNode next = get("/conferences?page_size=1&page_token=" + page.get("next_page_token").asString());
        assertThat(next.get("result").get(0).get("name").asString()).isEqualTo("mine");
        await().atMost(WAIT).until(() -> events.of("conference_created", "id", conferenceId).size() == 1);
    }

    private Runnable join(UUID conferenceId, UUID customerId) {
        return () -> client.join(request(conferenceId, customerId));
    }

    private ConferencecallCreate request(UUID conferenceId, UUID customerId) {
        return new ConferencecallCreate(customerId, conferenceId, "call", UUID.randomUUID(), UUID.randomUUID(), null);
    }

    private static void assertRefused(Runnable join, int status, String code) {
        assertThatThrownBy(join::run).isInstanceOfSatisfying(RpcErrorException.class, e -> {
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).contains("conference");
        });
    }
}
