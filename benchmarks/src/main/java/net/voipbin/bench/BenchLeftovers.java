package net.voipbin.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;

/**
 * What a benchmark run leaves in the shared servers: its schemas and its namespace's durable queues and
 * exchanges. Left behind, every run would add unconsumed messages to the broker and slow the next. The
 * services declare their own topology, so the names come from {@code rabbitmqctl} (present where the
 * broker runs locally; otherwise they are reported, not deleted).
 */
public final class BenchLeftovers {

    private BenchLeftovers() {
    }

    public static void dropSchemas(String jdbcUrl, String user, String password, List<String> schemas) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                Statement statement = connection.createStatement()) {
            for (String schema : schemas) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        } catch (SQLException e) {
            System.err.println("could not drop the benchmark's schemas " + schemas + ": " + e.getMessage());
        }
    }

    /** Deletes every queue and exchange whose name starts with {@code namespace}. */
    public static void deleteNamespace(String amqpUri, String namespace) {
        List<String> queues = namesIn("list_queues", namespace);
        List<String> exchanges = namesIn("list_exchanges", namespace);
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(amqpUri);
            try (com.rabbitmq.client.Connection connection = factory.newConnection("bench-cleanup")) {
                for (String queue : queues) {
                    try (Channel channel = connection.createChannel()) {
                        channel.queueDelete(queue);
                    }
                }
                for (String exchange : exchanges) {
                    try (Channel channel = connection.createChannel()) {
                        channel.exchangeDelete(exchange);
                    }
                }
            }
        } catch (Exception e) {
            System.err.println("could not delete the topology of namespace " + namespace + ": " + e.getMessage());
        }
    }

    private static List<String> namesIn(String listCommand, String namespace) {
        try {
            Process list = new ProcessBuilder("rabbitmqctl", listCommand, "name", "-q").redirectErrorStream(true)
                    .start();
            List<String> names = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(name -> name.startsWith(namespace)).toList();
            list.waitFor();
            return names;
        } catch (IOException e) {
            System.err.println("rabbitmqctl not available: the " + listCommand.substring(5) + " of namespace "
                    + namespace + " are left");
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
