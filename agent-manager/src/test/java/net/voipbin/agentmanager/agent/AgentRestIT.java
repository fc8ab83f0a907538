package net.voipbin.agentmanager.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.agentmanager.AgentManagerITBase;
import net.voipbin.contract.agentmanager.Agent;
import net.voipbin.contract.agentmanager.AgentManagerEvents;
import net.voipbin.contract.agentmanager.AgentSkill;
import net.voipbin.contract.agentmanager.AgentStatus;
import net.voipbin.contract.agentmanager.RingMethod;
import net.voipbin.contract.callmanager.Address;
import net.voipbin.rpc.client.RpcErrorException;
import net.voipbin.testsupport.Http;
import tools.jackson.databind.JsonNode;

class AgentRestIT extends AgentManagerITBase {

    @Test
    void anAgentIsCreatedOfflineReadChangedAndDeletedWithAnEventEachTime() {
        Http.Response created = Http.post(api("/agents"), token, """
                {"name": "Alice", "detail": "night shift", "ring_method": "linear",
                 "addresses": [{"type": "sip", "target": "sip:alice@pbx.example.com"},
                               {"type": "tel", "target": "+15550100"}, {"type": "extension", "target": "1001"}],
                 "skills": [{"name": "English", "level": 80}, {"name": "billing", "level": 30}]}""");
        assertThat(created.status()).isEqualTo(201);
        Agent agent = json.readValue(created.body(), Agent.class);
        assertThat(agent.status()).isEqualTo(AgentStatus.OFFLINE);
        assertThat(agent.ringMethod()).isEqualTo(RingMethod.LINEAR);
        assertThat(agent.addresses()).containsExactly(new Address(Address.AddressType.SIP, "sip:alice@pbx.example.com"),
                Address.tel("+15550100"), new Address(Address.AddressType.EXTENSION, "1001"));
        assertThat(agent.skills()).containsExactly(new AgentSkill("billing", 30), new AgentSkill("english", 80));
        assertThat(read(agent.id())).isEqualTo(agent);

        Http.Response updated = Http.put(api("/agents/" + agent.id()), token,
                "{\"name\":\"Alice B\",\"skills\":[{\"name\":\"english\",\"level\":90}]}");
        assertThat(updated.status()).isEqualTo(200);
        Agent changed = json.readValue(updated.body(), Agent.class);
        assertThat(changed.name()).isEqualTo("Alice B");
        assertThat(changed.skills()).containsExactly(new AgentSkill("english", 90));
        assertThat(changed.addresses()).as("absent fields stay").hasSize(3);

        assertThat(Http.delete(api("/agents/" + agent.id()), token).status()).isEqualTo(204);
        assertThat(Http.get(api("/agents/" + agent.id()), token).status()).isEqualTo(404);

        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(events.of(AgentManagerEvents.AGENT_CREATED, agent.id())).singleElement()
                    .satisfies(a -> assertThat(a.customerId()).isEqualTo(customer));
            assertThat(events.of(AgentManagerEvents.AGENT_UPDATED, agent.id())).singleElement()
                    .satisfies(a -> assertThat(a.name()).isEqualTo("Alice B"));
            assertThat(events.of(AgentManagerEvents.AGENT_DELETED, agent.id())).hasSize(1);
        });
    }

    @Test
    void theAgentSetsItsOwnStatusAndEveryChangeIsAnnouncedWithThePreviousOne() {
        Agent agent = createAgent("Bob", "sales:40");

        assertThat(setStatus(agent.id(), "available").status()).isEqualTo(AgentStatus.AVAILABLE);
        assertThat(setStatus(agent.id(), "away").status()).isEqualTo(AgentStatus.AWAY);
        setStatus(agent.id(), "away");

        await().atMost(DEADLINE).untilAsserted(() -> assertThat(events.of(AgentManagerEvents.AGENT_STATUS_UPDATED, agent.id()))
                .extracting(Agent::previousStatus, Agent::status)
                .as("the repeated away changed nothing and announced nothing")
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AgentStatus.OFFLINE, AgentStatus.AVAILABLE),
                        org.assertj.core.groups.Tuple.tuple(AgentStatus.AVAILABLE, AgentStatus.AWAY)));
    }

    @Test
    void aStatusTheAgentCannotChooseOrReachIsRefusedSayingWhy() {
        Agent agent = createAgent("Carol");

        Http.Response ringing = Http.put(api("/agents/" + agent.id() + "/status"), token, "{\"status\":\"ringing\"}");
        assertThat(ringing.status()).isEqualTo(400);
        assertThat(json.readTree(ringing.body()).get("field").asString()).isEqualTo("status");

        setStatus(agent.id(), "available");
        agents.reserve(net.voipbin.contract.agentmanager.AgentReserve.of(customer, null,
                net.voipbin.contract.agentmanager.ReservationStrategy.RANDOM, List.of()));
        Http.Response onCall = Http.put(api("/agents/" + agent.id() + "/status"), token, "{\"status\":\"offline\"}");
        assertThat(onCall.status()).isEqualTo(409);
        JsonNode error = json.readTree(onCall.body());
        assertThat(error.get("error").asString()).isEqualTo("agent_on_call");
        assertThat(error.get("message").asString()).contains("is ringing").contains("answered, missed or ended");
        assertThat(read(agent.id()).status()).isEqualTo(AgentStatus.RINGING);
    }

    @Test
    void badProfilesAreRefusedNamingTheField() {
        assertThat(field("{\"addresses\":[{\"type\":\"tel\",\"target\":\"+15550100\"}]}")).isEqualTo("name");
        assertThat(field("{\"name\":\"x\",\"addresses\":[]}")).isEqualTo("addresses");
        assertThat(field("{\"name\":\"x\",\"addresses\":[{\"type\":\"tel\",\"target\":\"5550100\"}]}"))
                .isEqualTo("addresses[0].target");
        assertThat(field("{\"name\":\"x\",\"addresses\":[{\"type\":\"sip\",\"target\":\"alice\"}]}"))
                .isEqualTo("addresses[0].target");
        assertThat(field("{\"name\":\"x\",\"addresses\":[{\"type\":\"extension\",\"target\":\"1/2@x\"}]}"))
                .isEqualTo("addresses[0].target");
        String ok = "\"addresses\":[{\"type\":\"extension\",\"target\":\"1001\"}]";
        assertThat(field("{\"name\":\"x\"," + ok + ",\"ring_method\":\"sometimes\"}")).isEqualTo("ring_method");
        assertThat(field("{\"name\":\"x\"," + ok + ",\"skills\":[{\"name\":\"a b\",\"level\":5}]}")).isEqualTo("skills[0].name");
        assertThat(field("{\"name\":\"x\"," + ok + ",\"skills\":[{\"name\":\"ab\",\"level\":101}]}")).isEqualTo("skills[0].level");
        assertThat(field("{\"name\":\"x\"," + ok + ",\"skills\":[{\"name\":\"ab\",\"level\":5},{\"name\":\"AB\",\"level\":6}]}"))
                .isEqualTo("skills[1].name");
        Http.Response badStatus = Http.get(api("/agents?status=sleeping"), token);
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(json.readTree(badStatus.body()).get("field").asString()).isEqualTo("status");
    }

    @Test
    void anotherCustomersAgentIsNotFoundWhateverTheyTry() {
        Agent mine = createAgent("Dan");
        String theirs = tokenFor(UUID.randomUUID());
        String path = "/agents/" + mine.id();

        assertThat(Http.get(api(path), theirs).status()).isEqualTo(404);
        assertThat(Http.put(api(path), theirs, "{\"name\":\"stolen\"}").status()).isEqualTo(404);
        assertThat(Http.put(api(path + "/status"), theirs, "{\"status\":\"available\"}").status()).isEqualTo(404);
        assertThat(Http.delete(api(path), theirs).status()).isEqualTo(404);
        assertThat(json.readTree(Http.get(api("/agents"), theirs).body()).get("result")).isEmpty();
        assertThat(Http.get(api("/agents"), null).status()).isEqualTo(401);
        assertThat(read(mine.id()).name()).isEqualTo("Dan");
        assertThatThrownBy(() -> agents.get(UUID.randomUUID(), mine.id())).as("over RPC too")
                .isInstanceOfSatisfying(RpcErrorException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThat(agents.get(customer, mine.id()).name()).isEqualTo("Dan");
        assertThat(agents.reserve(net.voipbin.contract.agentmanager.AgentReserve.of(UUID.randomUUID(), null,
                net.voipbin.contract.agentmanager.ReservationStrategy.RANDOM, List.of())).agents()).isEmpty();
    }

    @Test
    void agentsAreListedByStatusAndSkillPageByPage() {
        Agent english = setStatus(createAgent("E1", "english:50").id(), "available");
        Agent both = setStatus(createAgent("E2", "english:70", "french:20").id(), "available");
        Agent french = createAgent("F1", "french:90");
        createAgent("N1");

        assertThat(list("?status=available&page_size=10")).containsExactly(both.id(), english.id());
        assertThat(list("?skill=French")).containsExactly(french.id(), both.id());
        assertThat(list("?status=offline&skill=french")).containsExactly(french.id());

        JsonNode first = json.readTree(Http.get(api("/agents?page_size=3"), token).body());
        assertThat(first.get("result")).hasSize(3);
        JsonNode second = json.readTree(Http.get(api("/agents?page_size=3&page_token="
                + first.get("next_page_token").asString()), token).body());
        assertThat(second.get("result")).hasSize(1);
        assertThat(second.get("result").get(0).get("id").asString()).isEqualTo(english.id().toString());
        assertThat(second.path("next_page_token").isNull() || second.path("next_page_token").isMissingNode()).isTrue();

        assertThat(agents.list(customer, AgentStatus.AVAILABLE, "english", 10, null).result()).extracting(Agent::id)
                .as("the same over RPC").containsExactly(both.id(), english.id());
    }

    private List<UUID> list(String query) {
        Http.Response response = Http.get(api("/agents" + query), token);
        assertThat(response.status()).isEqualTo(200);
        return json.readTree(response.body()).get("result").valueStream()
                .map(a -> UUID.fromString(a.get("id").asString())).toList();
    }

    private String field(String body) {
        Http.Response response = Http.post(api("/agents"), token, body);
        assertThat(response.status()).as(body + " -> " + response.body()).isEqualTo(400);
        return json.readTree(response.body()).get("field").asString();
    }
}
