package net.voipbin.local.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

import net.voipbin.local.home.LocalModeException;
import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.json.Json;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fleet's events as they are published: a private queue (server-named, exclusive, gone with this
 * connection) bound to the event exchange for the publishers asked for.
 */
final class EventTap implements AutoCloseable {

    /** The fleet's event exchange, behind the namespace local mode runs with. */
    static final String EVENT_EXCHANGE = "bin-manager.event";

    private static final JsonMapper JSON = Json.newMapper();

    private final Connection connection;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    private EventTap(Connection connection) {
        this.connection = connection;
    }

    static EventTap open(String amqpUrl, String namespace, String... publishers) {
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(amqpUrl);
            Connection connection = factory.newConnection("voipbin-cli");
            EventTap tap = new EventTap(connection);
            Channel channel = connection.createChannel();
            String queue = channel.queueDeclare("", false, true, true, null).getQueue();
            for (String publisher : publishers) {
                channel.queueBind(queue, namespace + EVENT_EXCHANGE, publisher + ".#");
            }
            channel.basicConsume(queue, true, (tag, delivery) -> tap.accept(delivery.getBody()), tag -> { });
            return tap;
        } catch (Exception e) {
            throw new LocalModeException("cannot listen to the fleet's events at " + amqpUrl + ": " + e.getMessage(), e);
        }
    }

    private void accept(byte[] body) {
        try {
            events.add(JSON.readValue(body, Event.class));
        } catch (RuntimeException e) {
            // not an event envelope: nothing this command prints
        }
    }

    /** The next event, waiting up to {@code within}. */
    Optional<Event> next(Duration within) throws InterruptedException {
        return Optional.ofNullable(events.poll(within.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (IOException e) {
            // the broker is gone: so is the queue
        }
    }
}
