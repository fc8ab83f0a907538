package net.voipbin.testsupport;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Properties;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.rabbitmq.RabbitMQContainer;

/**
 * Finds the servers the way DESIGN.md orders it: configured URLs (env), then a server on localhost's
 * standard port, then Testcontainers. None found is a failure that says what to start.
 */
final class Locator {

    static final String DB_URL_ENV = "VOIPBIN_TEST_DB_URL";
    static final String AMQP_URL_ENV = "VOIPBIN_TEST_AMQP_URL";

    private static volatile String rabbitContainerId;

    private Locator() {
    }

    static String rabbitContainerId() {
        return rabbitContainerId;
    }

    static Postgres postgres() {
        String url = System.getenv(DB_URL_ENV);
        if (url != null && !url.isBlank()) {
            return new Postgres(url, env("VOIPBIN_TEST_DB_USER", "postgres"), env("VOIPBIN_TEST_DB_PASSWORD", ""),
                    DB_URL_ENV);
        }
        String local = "jdbc:postgresql://127.0.0.1:5432/postgres";
        if (canConnect(local, "postgres", "")) {
            return new Postgres(local, "postgres", "", "localhost:5432");
        }
        requireDocker("PostgreSQL", DB_URL_ENV, "pg_ctlcluster <version> main start");
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
        container.start();
        return new Postgres(container.getJdbcUrl(), container.getUsername(), container.getPassword(), "Testcontainers");
    }

    static Rabbit rabbit() {
        String url = System.getenv(AMQP_URL_ENV);
        if (url != null && !url.isBlank()) {
            return new Rabbit(url, AMQP_URL_ENV);
        }
        if (portOpen("127.0.0.1", 5672)) {
            return new Rabbit("amqp://guest:guest@127.0.0.1:5672", "localhost:5672");
        }
        requireDocker("RabbitMQ", AMQP_URL_ENV, "rabbitmq-server -detached");
        RabbitMQContainer container = new RabbitMQContainer("rabbitmq:3.13-management-alpine");
        container.start();
        rabbitContainerId = container.getContainerId();
        return new Rabbit(container.getAmqpUrl().replace("amqp://", "amqp://guest:guest@"), "Testcontainers");
    }

    private static void requireDocker(String what, String env, String startCommand) {
        boolean docker;
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            docker = false;
        }
        if (!docker) {
            throw new IllegalStateException("No " + what + " for the integration tests: set " + env
                    + ", or start one on localhost (" + startCommand + "), or make Docker available for Testcontainers.");
        }
    }

    private static boolean canConnect(String url, String user, String password) {
        if (!portOpen("127.0.0.1", 5432)) {
            return false;
        }
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "2");
        try (Connection ignored = DriverManager.getConnection(url, properties)) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean portOpen(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
