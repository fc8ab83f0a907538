package net.voipbin.agentmanager;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import net.voipbin.contract.agentmanager.Agent;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every {@code agent-manager.*} event on the exchange, as a subscriber would get it, through a private queue. */
public final class EventRecorder implements AutoCloseable {

    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final JsonMapper json;
    private final Connection connection;

    public EventRecorder(String exchange, JsonMapper json) throws Exception {
        this.json = json;
        connection = TestInfra.rabbit().connectionFactory().newConnection();
        Channel channel = connection.createChannel();
        channel.exchangeDeclare(exchange, "topic", true);
        String queue = channel.queueDeclare("", false, true, true, null).getQueue();
        channel.queueBind(queue, exchange, "agent-manager.#");
        channel.basicConsume(queue, true, (tag, delivery) ->
                events.add(json.readTree(new String(delivery.getBody(), StandardCharsets.UTF_8))), tag -> { });
    }

    /** The agents carried by events of {@code type} about {@code agentId}, in arrival order. */
    public List<Agent> of(String type, UUID agentId) {
        return events.stream().filter(e -> e.path("type").asString("").equals(type))
                .filter(e -> agentId.toString().equals(e.path("data").path("id").asString("")))
                .map(e -> json.treeToValue(e.path("data"), Agent.class)).toList();
    }

    /** The envelopes of {@code type}, whatever the agent. */
    public List<JsonNode> envelopes(String type) {
        return events.stream().filter(e -> e.path("type").asString("").equals(type)).toList();
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
