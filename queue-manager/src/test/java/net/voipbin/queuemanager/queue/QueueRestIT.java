package net.voipbin.queuemanager.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.contract.queuemanager.Queuecall;
import net.voipbin.contract.queuemanager.QueuecallCreate;
import net.voipbin.contract.queuemanager.QueuecallStatus;
import net.voipbin.queuemanager.QueueManagerITBase;
import net.voipbin.rpc.auth.JwtTokens;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.testsupport.Http;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.JsonNode;

/** Queues over REST as a customer uses them: validation naming the field, isolation, pages, events. */
class QueueRestIT extends QueueManagerITBase {

    private JsonNode error(Http.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return json.readTree(response.body());
    }

    private static java.util.List<String> names(JsonNode page) {
        java.util.List<String> names = new java.util.ArrayList<>();
        page.get("result").forEach(q -> names.add(q.get("name").asString()));
        return names;
    }

    @Test
    void anUnknownStrategyOrSkillIsRefusedNamingTheField() {
        agent("v" + UUID.randomUUID().toString().substring(0, 6), "english:70");
        JsonNode strategy = error(Http.post(api("/queues"), token, "{\"name\":\"q\",\"strategy\":\"fastest\"}"), 400);
        assertThat(strategy.get("error").asString()).isEqualTo("invalid_argument");
        assertThat(strategy.get("field").asString()).isEqualTo("strategy");
        assertThat(strategy.get("message").asString()).contains("round_robin", "weighted_random");

        JsonNode skill = error(Http.post(api("/queues"), token, "{\"name\":\"q\",\"skills\":[{\"name\":\"english\","
                + "\"level\":50},{\"name\":\"klingon\",\"level\":10}]}"), 400);
        assertThat(skill.get("field").asString()).isEqualTo("skills[1].name");
        assertThat(skill.get("message").asString()).contains("klingon");

        assertThat(error(Http.post(api("/queues"), token, "{\"name\":\"q\",\"skills\":[{\"name\":\"english\","
                + "\"level\":500}]}"), 400).get("field").asString()).isEqualTo("skills[0].level");
        assertThat(error(Http.post(api("/queues"), token, "{\"name\":\"q\",\"overflow\":{\"type\":\"queue\"}}"), 400)
                .get("field").asString()).isEqualTo("overflow.queue_id");
        assertThat(error(Http.post(api("/queues"), token, "{\"name\":\"q\",\"strategy\":\"round_robin_ordered\"}"), 400)
                .get("field").asString()).isEqualTo("agent_order");
        assertThat(error(Http.post(api("/queues"), token, "{\"strategy\":\"linear\"}"), 400).get("field").asString())
                .isEqualTo("name");
        assertThat(Http.post(api("/queues"), token, "{\"name\":\"ok\",\"skills\":[{\"name\":\"English\",\"level\":50}]}")
                .status()).isEqualTo(201);
    }

    @Test
    void anotherCustomersQueueIsNotFoundAndAQueueJoinToItFailsTheFlowsAction() {
        UUID queue = queue("{\"name\":\"mine\"}");
        UUID stranger = UUID.randomUUID();
        String strangerToken = JwtTokens.mint(TestInfra.JWT_SECRET, stranger, Duration.ofHours(1));
        assertThat(Http.get(api("/queues/" + queue), strangerToken).status()).isEqualTo(404);
        assertThat(Http.put(api("/queues/" + queue), strangerToken, "{\"name\":\"theirs\"}").status()).isEqualTo(404);
        assertThat(Http.delete(api("/queues/" + queue), strangerToken).status()).isEqualTo(404);

        UUID call = calls.caller("stranger", stranger);
        assertThatThrownBy(() -> queueManager.join(new QueuecallCreate(stranger, queue, "call", call, UUID.randomUUID(),
                Map.of()))).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThat(get("/queuecalls?queue_id=" + queue).get("result").size()).isZero();
    }

    @Test
    void queuesArePagedNewestFirstAndEveryChangeIsAnnounced() {
        UUID first = queue("{\"name\":\"one\"}");
        UUID second = queue("{\"name\":\"two\"}");
        UUID third = queue("{\"name\":\"three\"}");
        JsonNode page = get("/queues?page_size=2");
        assertThat(names(page)).containsExactly("three", "two");
        JsonNode next = get("/queues?page_size=2&page_token=" + page.get("next_page_token").asString());
        assertThat(names(next)).containsExactly("one");

        Http.Response updated = Http.put(api("/queues/" + second), token, "{\"strategy\":\"least_calls\","
                + "\"wait_media\":[\"sound:queue-periodic-announce\"]}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(json.readTree(updated.body()).get("strategy").asString()).isEqualTo("least_calls");
        assertThat(json.readTree(updated.body()).get("name").asString()).isEqualTo("two");
        assertThat(Http.delete(api("/queues/" + third), token).status()).isEqualTo(204);
        assertThat(Http.get(api("/queues/" + third), token).status()).isEqualTo(404);

        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(events.of("queue_created", "id", first)).hasSize(1);
            assertThat(events.of("queue_updated", "id", second)).hasSize(1);
            assertThat(events.of("queue_deleted", "id", third)).hasSize(1);
        });
    }

    @Test
    void aFullQueueTurnsTheCallerToItsOverflowAtOnce() {
        UUID queue = queue("{\"name\":\"tiny\",\"max_waiting_calls\":1,\"overflow\":{\"type\":\"flow\",\"flow_id\":\""
                + UUID.randomUUID() + "\"}}");
        Queuecall waiting = join(queue, "early");
        Queuecall turned = join(queue, "late");
        assertThat(waiting.status()).isEqualTo(QueuecallStatus.WAITING);
        assertThat(turned.status()).isEqualTo(QueuecallStatus.TIMEOUT);
        assertThat(turned.endReason()).isEqualTo("queue_full");
        assertThat(turned.overflow().flowId()).isNotNull();
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(events.queuecallTypes(turned.id()))
                .containsExactly("queuecall_created", "queuecall_timeout"));
        assertThat(get("/queues/" + queue + "/statistics").get("waiting").asLong()).isEqualTo(1);
        assertThat(get("/queuecalls?status=timeout&queue_id=" + queue).get("result").size()).isEqualTo(1);
    }
}
