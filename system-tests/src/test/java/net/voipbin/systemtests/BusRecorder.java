package net.voipbin.systemtests;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import net.voipbin.rpc.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every event published on one namespace's {@code bin-manager.event} exchange, in the order the broker
 * delivered them: an exclusive, server-named queue bound with {@code #}, as webhook-manager would be.
 */
final class BusRecorder implements AutoCloseable {

    /** One event envelope: its routing key, type, publisher, resource and event id (empty when absent). */
    record BusEvent(String routingKey, String type, String publisher, JsonNode data, String eventId) {
    }

    private static final JsonMapper JSON = Json.newMapper();

    private final Connection connection;
    private final List<BusEvent> events = new CopyOnWriteArrayList<>();

    BusRecorder(ConnectionFactory broker, String exchange) {
        try {
            connection = broker.newConnection("system-tests-bus-recorder");
            Channel channel = connection.createChannel();
            // The services declared the exchange when they started; passive, so a typo fails loudly.
            channel.exchangeDeclarePassive(exchange);
            String queue = channel.queueDeclare("", false, true, true, null).getQueue();
            channel.queueBind(queue, exchange, "#");
            channel.basicConsume(queue, true, (tag, delivery) -> record(delivery.getEnvelope().getRoutingKey(),
                    delivery.getBody()), tag -> { });
        } catch (Exception e) {
            throw new IllegalStateException("cannot listen on " + exchange, e);
        }
    }

    private void record(String routingKey, byte[] body) {
        try {
            JsonNode envelope = JSON.readTree(body);
            events.add(new BusEvent(routingKey, envelope.path("type").asString(), envelope.path("publisher").asString(),
                    envelope.path("data"), envelope.path("event_id").asString("")));
        } catch (RuntimeException e) {
            events.add(new BusEvent(routingKey, "<not json>", "", JSON.createObjectNode(), ""));
        }
    }

    /** The events so far that match, in delivery order. */
    List<BusEvent> matching(Predicate<BusEvent> filter) {
        return events.stream().filter(filter).toList();
    }

    /**
     * The events about one call: call-manager's with the call as resource or {@code call_id}, and
     * flow-manager's activeflows whose reference is the call.
     */
    List<BusEvent> ofCall(String callId) {
        return matching(e -> callId.equals(e.data().path("id").asString(""))
                        && "call-manager".equals(e.publisher())
                || callId.equals(e.data().path("call_id").asString(""))
                || callId.equals(e.data().path("reference_id").asString("")));
    }

    List<String> typesOfCall(String callId) {
        return ofCall(callId).stream().map(BusEvent::type).toList();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (Exception e) {
            // the exclusive queue goes with the connection either way
        }
    }
}
