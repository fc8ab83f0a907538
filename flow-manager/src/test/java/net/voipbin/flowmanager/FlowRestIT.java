package net.voipbin.flowmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import net.voipbin.contract.flowmanager.Action;
import net.voipbin.contract.flowmanager.Flow;
import net.voipbin.contract.flowmanager.FlowCreate;
import net.voipbin.contract.flowmanager.FlowManagerClient;
import net.voipbin.rpc.client.RpcErrorException;
import net.voipbin.contract.flowmanager.Activeflow;
import net.voipbin.contract.flowmanager.ActiveflowCreate;
import net.voipbin.contract.flowmanager.FlowManagerClient;
import net.voipbin.rpc.client.RpcErrorException;
import net.voipbin.rpc.json.Json;
import net.voipbin.testsupport.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /v1.0/flows} and {@code /v1.0/activeflows} as a customer uses them. */
class FlowRestIT {

    private static final JsonMapper JSON = Json.newMapper();
    private static final String STOP_FLOW = "[{\"id\":\"v\",\"type\":\"variable_set\","
            + "\"option\":{\"name\":\"x\",\"value\":\"1\"}},{\"type\":\"sleep\",\"option\":{\"duration_ms\":60000}}]";

    private static FleetHarness fleet;
    private final UUID customer = UUID.randomUUID();
    private final String token = FleetHarness.token(customer);

    @BeforeAll
    static void startFleet() {
        fleet = FleetHarness.shared();
    }

    private Http.Response createFlow(String name, String actions) {
        return Http.post(fleet.api("/flows"), token, "{\"name\":\"" + name + "\",\"detail\":\"d\",\"actions\":" + actions + "}");
    }

    private UUID created(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return UUID.fromString(JSON.readTree(response.body()).path("id").asString());
    }

    @Test
    void anInvalidFlowIsRefusedWith400NamingTheActionAndTheField() {
        Http.Response response = createFlow("bad", "[{\"type\":\"answer\"},{\"id\":\"greet\",\"type\":\"talk\","
                + "\"option\":{\"language\":\"en-US\"}}]");

        assertThat(response.status()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("field").asString()).isEqualTo("actions[1].option.text");
        assertThat(body.path("message").asString()).contains("action 1", "'greet'", "talk");
        assertThat(createFlow("bad", "[{\"type\":\"goto\",\"option\":{\"target_id\":\"nowhere\"}}]").body())
                .contains("actions[0].option.target_id");
        assertThat(createFlow(" ", "[{\"type\":\"answer\"}]").body()).contains("\"field\":\"name\"");
    }

    @Test
    void anotherServiceStoresAFlowForTheCustomerOverRpcValidatedLikeRest() {
        FlowManagerClient client = new FlowManagerClient(fleet.rpc(), fleet.topology());
        Action answer = new Action(null, "answer", JSON.createObjectNode(), null);

        Flow stored = client.createFlow(new FlowCreate(customer, "outbound", "inline", List.of(answer)));

        assertThat(stored.customerId()).isEqualTo(customer);
        assertThat(stored.actions()).extracting(Action::type).containsExactly("answer");
        assertThat(Http.get(fleet.api("/flows/" + stored.id()), token).status()).isEqualTo(200);
        Action talkWithoutText = new Action("t", "talk", JSON.createObjectNode(), null);
        assertThatThrownBy(() -> client.createFlow(new FlowCreate(customer, "bad", null, List.of(talkWithoutText))))
                .isInstanceOfSatisfying(RpcErrorException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errorBody().field()).isEqualTo("actions[0].option.text");
                });
    }

    @Test
    void flowsAreCreatedReadUpdatedListedPageByPageAndDeleted() {
        UUID first = created(createFlow("one", "[{\"type\":\"answer\"},{\"id\":\"h\",\"type\":\"hangup\"}]"));
        created(createFlow("two", "[{\"type\":\"hangup\"}]"));
        created(createFlow("three", "[{\"type\":\"hangup\"}]"));

        JsonNode flow = JSON.readTree(Http.get(fleet.api("/flows/" + first), token).body());
        assertThat(flow.path("name").asString()).isEqualTo("one");
        assertThat(flow.path("actions").get(0).path("id").asString()).isNotBlank();
        assertThat(flow.path("actions").get(1).path("id").asString()).isEqualTo("h");

        JsonNode page1 = JSON.readTree(Http.get(fleet.api("/flows?page_size=2"), token).body());
        assertThat(page1.path("result")).hasSize(2);
        assertThat(page1.path("result").get(0).path("name").asString()).isEqualTo("three");
        JsonNode page2 = JSON.readTree(Http.get(fleet.api("/flows?page_size=2&page_token="
                + page1.path("next_page_token").asString()), token).body());
        assertThat(page2.path("result")).hasSize(1);
        assertThat(page2.path("next_page_token").isMissingNode() || page2.path("next_page_token").isNull()).isTrue();

        Http.Response updated = Http.put(fleet.api("/flows/" + first), token,
                "{\"name\":\"renamed\",\"actions\":[{\"type\":\"stop\"}]}");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(JSON.readTree(updated.body()).path("actions").get(0).path("type").asString()).isEqualTo("stop");
        assertThat(Http.put(fleet.api("/flows/" + first), token, "{\"name\":\"x\",\"actions\":[]}").status()).isEqualTo(400);

        assertThat(Http.delete(fleet.api("/flows/" + first), token).status()).isEqualTo(204);
        assertThat(Http.get(fleet.api("/flows/" + first), token).status()).isEqualTo(404);
    }

    @Test
    void anotherCustomerSeesNeitherTheFlowsNorTheActiveflows() {
        UUID flowId = created(createFlow("mine", STOP_FLOW));
        Activeflow running = new FlowManagerClient(fleet.rpc(), fleet.topology()).create(new ActiveflowCreate(customer,
                flowId, Activeflow.ReferenceType.API, UUID.randomUUID(), Map.of()));
        String stranger = FleetHarness.token(UUID.randomUUID());

        assertThat(Http.get(fleet.api("/flows/" + flowId), stranger).status()).isEqualTo(404);
        assertThat(Http.delete(fleet.api("/flows/" + flowId), stranger).status()).isEqualTo(404);
        assertThat(JSON.readTree(Http.get(fleet.api("/flows"), stranger).body()).path("result")).isEmpty();
        assertThat(Http.get(fleet.api("/activeflows/" + running.id()), stranger).status()).isEqualTo(404);
        assertThat(Http.get(fleet.api("/flows"), null).status()).isEqualTo(401);
        try {
            new FlowManagerClient(fleet.rpc(), fleet.topology()).create(new ActiveflowCreate(UUID.randomUUID(), flowId,
                    Activeflow.ReferenceType.API, UUID.randomUUID(), Map.of()));
            throw new AssertionError("another customer's flow was started");
        } catch (RpcErrorException e) {
            assertThat(e.status()).isEqualTo(404);
        }
    }

    @Test
    void anActiveflowWithTheCallersIdStartsOnceWhenTheRequestIsRetried() {
        UUID flowId = created(createFlow("retried", STOP_FLOW));
        FlowManagerClient client = new FlowManagerClient(fleet.rpc(), fleet.topology());
        UUID id = UUID.randomUUID();
        ActiveflowCreate request = new ActiveflowCreate(id, customer, flowId, Activeflow.ReferenceType.API,
                UUID.randomUUID(), Map.of());

        Activeflow first = client.create(request);
        Activeflow retried = client.create(request);

        assertThat(first.id()).isEqualTo(id);
        assertThat(retried.id()).isEqualTo(id);
        assertThat(retried.tmCreate()).isEqualTo(first.tmCreate());
        JsonNode list = JSON.readTree(Http.get(fleet.api("/activeflows?page_size=100"), token).body());
        assertThat(list.path("result").valueStream().filter(a -> a.path("id").asString().equals(id.toString())))
                .hasSize(1);
    }

    @Test
    void activeflowsAreListedReadAndStoppedByTheirCustomer() {
        UUID flowId = created(createFlow("waits", STOP_FLOW));
        FlowManagerClient client = new FlowManagerClient(fleet.rpc(), fleet.topology());
        Activeflow first = client.create(new ActiveflowCreate(customer, flowId, Activeflow.ReferenceType.API,
                UUID.randomUUID(), Map.of("who", "Ada")));
        Activeflow second = client.create(new ActiveflowCreate(customer, flowId, Activeflow.ReferenceType.API,
                UUID.randomUUID(), Map.of()));

        JsonNode list = JSON.readTree(Http.get(fleet.api("/activeflows?page_size=1"), token).body());
        assertThat(list.path("result").get(0).path("id").asString()).isEqualTo(second.id().toString());
        assertThat(list.path("next_page_token").asString()).isNotBlank();
        JsonNode got = JSON.readTree(Http.get(fleet.api("/activeflows/" + first.id()), token).body());
        assertThat(got.path("flow_id").asString()).isEqualTo(flowId.toString());
        assertThat(got.path("variables").path("who").asString()).isEqualTo("Ada");
        assertThat(got.path("variables").path("voipbin.flow.id").asString()).isEqualTo(flowId.toString());

        JsonNode stopped = JSON.readTree(Http.post(fleet.api("/activeflows/" + first.id() + "/stop"), token, "").body());
        assertThat(stopped.path("status").asString()).isEqualTo("ended");
        assertThat(client.stop(second.id()).status()).isEqualTo(Activeflow.Status.ENDED);
        assertThat(client.get(second.id()).tmEnd()).isNotNull();
    }
}
