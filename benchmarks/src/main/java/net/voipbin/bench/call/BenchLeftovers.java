package net.voipbin.bench.call;

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
 * What a benchmark run leaves in the shared servers: its schemas and its namespace's durable queues.
 * Left behind, every run would add thousands of unconsumed ARI events to the broker and slow the next.
 * The services declare their own queues, so their names come from {@code rabbitmqctl} (present where
 * the broker runs locally; otherwise the queues are reported, not deleted).
 */
final class BenchLeftovers {

    private BenchLeftovers() {
    }

    static void dropSchemas(String jdbcUrl, String user, String password, List<String> schemas) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                Statement statement = connection.createStatement()) {
            for (String schema : schemas) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        } catch (SQLException e) {
            System.err.println("could not drop the benchmark's schemas " + schemas + ": " + e.getMessage());
        }
    }

    static void deleteQueues(String amqpUri, String namespace) {
        List<String> queues;
        try {
            Process list = new ProcessBuilder("rabbitmqctl", "list_queues", "name", "-q").redirectErrorStream(true).start();
            queues = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(name -> name.startsWith(namespace)).toList();
            list.waitFor();
        } catch (IOException e) {
            System.err.println("rabbitmqctl not available: the queues of namespace " + namespace + " are left");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(amqpUri);
            try (com.rabbitmq.client.Connection connection = factory.newConnection("bench-cleanup")) {
                for (String queue : queues) {
                    try (Channel channel = connection.createChannel()) {
                        channel.queueDelete(queue);
                    }
                }
            }
        } catch (Exception e) {
            System.err.println("could not delete the queues of namespace " + namespace + ": " + e.getMessage());
        }
    }
}
