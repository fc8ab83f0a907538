package net.voipbin.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import net.voipbin.systemtests.BusRecorder.BusEvent;
import net.voipbin.testsupport.Http;
import tools.jackson.databind.JsonNode;

/**
 * One customer of the queue tests: agents (simulator endpoints) and their statuses, a number whose flow joins a
 * queue, the customer's calls and queuecalls through the REST API, and a queuecall's events on the bus.
 */
final class QueueApi {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final SystemFleet fleet;
    private final BusRecorder bus;
    private final String token;
    private final CustomerApi rest;

    QueueApi(SystemFleet fleet, BusRecorder bus, UUID customer) {
        this.fleet = fleet;
        this.bus = bus;
        this.token = fleet.tokenFor(customer);
        this.rest = new CustomerApi(fleet, token);
    }

    String token() {
        return token;
    }

    /** The agent's numbers answer, reject or never answer as planned: {@code outcome} after {@code delayMs}. */
    void plan(String match, String outcome, long delayMs) {
        fleet.sim().planOriginate(match, outcome, Duration.ofMillis(delayMs));
    }

    /** An available agent ringing {@code numbers} (ring method {@code null}: the default). */
    String agent(String name, String ringMethod, String... numbers) {
        List<String> addresses = new ArrayList<>();
        for (String n : numbers) {
            addresses.add("{\"type\":\"tel\",\"target\":\"" + n + "\"}");
        }
        String method = ringMethod == null ? "" : ",\"ring_method\":\"" + ringMethod + "\"";
        String id = created(Http.post(agentManager("/agents"), token, "{\"name\":\"" + name + "\"" + method
                + ",\"addresses\":[" + String.join(",", addresses) + "]}")).path("id").asString();
        setStatus(id, "available");
        return id;
    }

    void setStatus(String agentId, String status) {
        assertThat(Http.put(agentManager("/agents/" + agentId + "/status"), token,
                "{\"status\":\"" + status + "\"}").status()).isEqualTo(200);
    }

    String status(String agentId) {
        return get(agentManager("/agents/" + agentId)).path("status").asString();
    }

    /** A number whose flow answers, joins the queue, then says "thank you". */
    String numberRunning(String queueId) {
        return rest.numberRunning("{\"name\":\"queue line\",\"actions\":[{\"type\":\"answer\"},{\"id\":\"q\","
                + "\"type\":\"queue_join\",\"option\":{\"queue_id\":\"" + queueId + "\"}},"
                + "{\"id\":\"bye\",\"type\":\"talk\",\"option\":{\"text\":\"thank you\"}}]}");
    }

    /** The first queuecall of the caller on {@code channel}, once in {@code status} (any status when null). */
    JsonNode queuecallOf(String channel, String status) {
        return await().atMost(WAIT).ignoreExceptions().until(() -> {
            String callId = callOn(channel).path("id").asString();
            JsonNode found = null;
            for (JsonNode q : get(queueManager("/queuecalls?page_size=100")).path("result")) {
                if (callId.equals(q.path("reference_id").asString()) && (found == null
                        || q.path("tm_create").asString().compareTo(found.path("tm_create").asString()) < 0)) {
                    found = q;
                }
            }
            return found;
        }, q -> q != null && (status == null || status.equals(q.path("status").asString())));
    }

    /** The customer's call on {@code channel} as listed now; none yet is an error. */
    JsonNode callOn(String channel) {
        for (JsonNode call : calls()) {
            if (channel.equals(call.path("channel_id").asString(""))) {
                return call;
            }
        }
        throw new IllegalStateException("no call on " + channel);
    }

    List<JsonNode> calls() {
        List<JsonNode> all = new ArrayList<>();
        get(fleet.callManager("/calls?page_size=100")).path("result").forEach(all::add);
        return all;
    }

    /** The calls made to agents, oldest first. */
    List<JsonNode> agentCalls() {
        return calls().stream().filter(c -> "outgoing".equals(c.path("direction").asString()))
                .sorted(Comparator.comparing(c -> c.path("tm_create").asString())).toList();
    }

    /** The types of the queuecall's events on the bus, in order. */
    List<String> types(JsonNode queuecall) {
        String id = queuecall.path("id").asString();
        return bus.matching(e -> e.type().startsWith("queuecall_") && id.equals(e.data().path("id").asString()))
                .stream().map(BusEvent::type).toList();
    }

    JsonNode get(String url) {
        return rest.get(url);
    }

    static JsonNode created(Http.Response response) {
        return CustomerApi.created(response);
    }

    String queueManager(String path) {
        return fleet.url("queue-manager", path);
    }

    String agentManager(String path) {
        return fleet.url("agent-manager", path);
    }
}
