package net.voipbin.systemtests;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import net.voipbin.testsupport.TestInfra;

/**
 * The launched services declared durable queues and exchanges under the run's namespace; they would
 * pile up in the broker run after run. After the fleet stopped, every name with the namespace prefix
 * is deleted (listed with {@code rabbitmqctl}; best effort: a failure is reported, not thrown).
 */
final class BrokerCleanup {

    private BrokerCleanup() {
    }

    static void deleteNamespace(String namespace) {
        if (namespace == null || namespace.isBlank()) {
            return;
        }
        try (Connection connection = TestInfra.rabbit().connectionFactory().newConnection("system-tests-cleanup")) {
            for (String queue : names("list_queues", namespace)) {
                delete(connection, channel -> channel.queueDelete(queue));
            }
            for (String exchange : names("list_exchanges", namespace)) {
                delete(connection, channel -> channel.exchangeDelete(exchange));
            }
        } catch (Exception e) {
            System.err.println("could not delete the queues of namespace " + namespace + ": " + e.getMessage());
        }
    }

    private static List<String> names(String listCommand, String namespace) throws Exception {
        Process process = new ProcessBuilder("rabbitmqctl", "-q", listCommand, "name").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("rabbitmqctl " + listCommand + " failed: " + output);
        }
        return output.lines().map(String::trim).filter(name -> name.startsWith(namespace)).toList();
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
