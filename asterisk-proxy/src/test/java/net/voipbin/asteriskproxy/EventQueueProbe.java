package net.voipbin.asteriskproxy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;

import net.voipbin.rpc.json.Json;
import net.voipbin.rpc.topology.AriPartitions;
import net.voipbin.rpc.topology.Topology;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.JsonNode;

/**
 * Consumes the ARI events as a call-manager with one partition would (the proxy declares no queue of its
 * own), keeping every message body, its properties and its routing key.
 */
final class EventQueueProbe implements AutoCloseable {

    record Received(String body, JsonNode envelope, AMQP.BasicProperties properties, String routingKey) {
    }

    private final Connection connection;
    private final String exchange;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    EventQueueProbe(Topology topology) throws Exception {
        AriPartitions onePartition = new AriPartitions(topology, 1);
        exchange = onePartition.exchange();
        TestInfra.rememberQueue(onePartition.queue(0));
        connection = TestInfra.rabbit().connectionFactory().newConnection("asterisk-event-probe");
        Channel channel = connection.createChannel();
        onePartition.declare(channel);
        channel.basicConsume(onePartition.queue(0), true, new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                String text = new String(body, StandardCharsets.UTF_8);
                received.add(new Received(text, Json.newMapper().readTree(text), properties, envelope.getRoutingKey()));
            }
        });
    }

    /** Waits until {@code count} messages match, and returns all matching ones in arrival order. */
    List<Received> await(Predicate<Received> filter, int count) {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> matching(filter).size() >= count);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("expected " + count + " matching messages; received: " + received.stream()
                    .map(r -> r.envelope().get("type").asString() + "/" + r.envelope().at("/data/type").asString(""))
                    .toList(), e);
        }
        return matching(filter);
    }

    List<Received> matching(Predicate<Received> filter) {
        return new ArrayList<>(received.stream().filter(filter).toList());
    }

    @Override
    public void close() throws Exception {
        try (Channel cleanup = connection.createChannel()) {
            cleanup.exchangeDelete(exchange);
        }
        connection.close();
    }
}
