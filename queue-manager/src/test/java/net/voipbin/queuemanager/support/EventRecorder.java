package net.voipbin.queuemanager.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every queue-manager and agent-manager event on the exchange, in arrival order, through a private queue. */
public final class EventRecorder implements AutoCloseable {

    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final Connection connection;

    public EventRecorder(String exchange, JsonMapper json) throws Exception {
        connection = TestInfra.rabbit().connectionFactory().newConnection();
        Channel channel = connection.createChannel();
        channel.exchangeDeclare(exchange, "topic", true);
        String queue = channel.queueDeclare("", false, true, true, null).getQueue();
        channel.queueBind(queue, exchange, "queue-manager.#");
        channel.queueBind(queue, exchange, "agent-manager.agent_status_updated");
        channel.basicConsume(queue, true, (tag, delivery) ->
                events.add(json.readTree(new String(delivery.getBody(), StandardCharsets.UTF_8))), tag -> { });
    }

    /** The data of the events of {@code type} (any publisher) whose {@code field} is {@code id}. */
    public List<JsonNode> of(String type, String field, UUID id) {
        return events.stream().filter(e -> e.path("type").asString("").equals(type))
                .map(e -> e.path("data"))
                .filter(d -> id.toString().equals(d.path(field).asString(""))).toList();
    }

    /** The queuecall event types about {@code queuecallId}, in order. */
    public List<String> queuecallTypes(UUID queuecallId) {
        return events.stream().filter(e -> e.path("type").asString("").startsWith("queuecall_"))
                .filter(e -> queuecallId.toString().equals(e.path("data").path("id").asString("")))
                .map(e -> e.path("type").asString()).toList();
    }

    /** An agent's statuses in order, from its agent_status_updated events. */
    public List<String> agentStatuses(UUID agentId) {
        return of("agent_status_updated", "id", agentId).stream().map(d -> d.path("status").asString()).toList();
    }

    public List<JsonNode> all() {
        return List.copyOf(events);
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
