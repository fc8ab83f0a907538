package net.voipbin.testsupport;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

/**
 * Durable test queues and exchanges would pile up in the broker run after run; every name a test
 * context declares in a test namespace is remembered here and deleted when the JVM exits.
 */
final class TopologyCleanup {

    private static final Set<String> QUEUES = ConcurrentHashMap.newKeySet();
    private static final Set<String> EXCHANGES = ConcurrentHashMap.newKeySet();

    private TopologyCleanup() {
    }

    static void remember(String queue) {
        QUEUES.add(queue);
    }

    static void rememberExchange(String exchange) {
        EXCHANGES.add(exchange);
    }

    static void deleteAll(Rabbit rabbit) {
        if (QUEUES.isEmpty() && EXCHANGES.isEmpty()) {
            return;
        }
        try (Connection connection = rabbit.connectionFactory().newConnection("test-cleanup")) {
            for (String queue : QUEUES) {
                delete(connection, channel -> channel.queueDelete(queue));
            }
            for (String exchange : EXCHANGES) {
                delete(connection, channel -> channel.exchangeDelete(exchange));
            }
        } catch (Exception e) {
            System.err.println("could not delete test queues: " + e.getMessage());
        }
    }

    private interface ChannelAction {
        void run(Channel channel) throws Exception;
    }

    private static void delete(Connection connection, ChannelAction action) {
        // A failed delete closes its channel, so each gets its own.
        try (Channel channel = connection.createChannel()) {
            action.run(channel);
        } catch (Exception ignored) {
            // already gone
        }
    }
}
