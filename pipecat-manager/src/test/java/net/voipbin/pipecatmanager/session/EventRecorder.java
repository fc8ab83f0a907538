package net.voipbin.pipecatmanager.session;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every {@code pipecat-manager.*} event on the exchange, through a private queue of the test's own. */
final class EventRecorder implements AutoCloseable {

    final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final Connection connection;

    EventRecorder(String exchange, JsonMapper json) throws Exception {
        connection = TestInfra.rabbit().connectionFactory().newConnection();
        Channel channel = connection.createChannel();
        channel.exchangeDeclare(exchange, "topic", true);
        String queue = channel.queueDeclare("", false, true, true, null).getQueue();
        channel.queueBind(queue, exchange, "pipecat-manager.#");
        channel.basicConsume(queue, true, (tag, delivery) ->
                events.add(json.readTree(new String(delivery.getBody(), StandardCharsets.UTF_8))), tag -> { });
    }

    List<JsonNode> of(String type, String pipecatcallId) {
        return events.stream().filter(e -> e.path("type").asString("").equals(type))
                .filter(e -> pipecatcallId.equals(e.path("data").path("id").asString(""))
                        || pipecatcallId.equals(e.path("data").path("pipecatcall_id").asString("")))
                .toList();
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
