package net.voipbin.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Real PostgreSQL and RabbitMQ for integration tests, found once per JVM (env → localhost →
 * Testcontainers). Each test class isolates itself with its own schema and its own AMQP namespace;
 * both are removed when the JVM exits.
 */
public final class TestInfra {

    /** The fleet's JWT key in tests. */
    public static final String JWT_SECRET = "test-only-secret-key-for-voipbin-fleet-0123456789";

    private static final Object LOCK = new Object();
    private static final Set<String> SCHEMAS = ConcurrentHashMap.newKeySet();
    private static volatile Postgres postgres;
    private static volatile Rabbit rabbit;

    private TestInfra() {
    }

    public static Postgres postgres() {
        synchronized (LOCK) {
            if (postgres == null) {
                postgres = Locator.postgres();
                Runtime.getRuntime().addShutdownHook(new Thread(TestInfra::dropSchemas, "drop-test-schemas"));
            }
            return postgres;
        }
    }

    public static Rabbit rabbit() {
        synchronized (LOCK) {
            if (rabbit == null) {
                rabbit = Locator.rabbit();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> TopologyCleanup.deleteAll(rabbit), "delete-test-queues"));
            }
            return rabbit;
        }
    }

    /** A fresh schema name, dropped at JVM exit. */
    public static String uniqueSchema(String prefix) {
        String schema = "t_" + prefix.replaceAll("[^a-z0-9]", "_") + "_" + shortId();
        SCHEMAS.add(schema);
        return schema;
    }

    /** A fresh AMQP namespace ({@code voipbin.amqp.namespace}); its queues are deleted at JVM exit. */
    public static String uniqueNamespace() {
        return "t" + shortId() + ".";
    }

    /**
     * Points a service under test at the real servers, in a schema and namespace of its own, with the
     * test JWT key.
     */
    public static void register(DynamicPropertyRegistry registry, String service) {
        Postgres db = postgres();
        Rabbit broker = rabbit();
        String schema = uniqueSchema(service);
        String namespace = uniqueNamespace();
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
        registry.add("spring.datasource.hikari.schema", () -> schema);
        registry.add("spring.flyway.schemas", () -> schema);
        registry.add("spring.rabbitmq.addresses", broker::uri);
        registry.add("voipbin.amqp.namespace", () -> namespace);
        registry.add("voipbin.auth.jwt-secret", () -> JWT_SECRET);
    }

    /**
     * The command that runs {@code rabbitmqctl} against the tests' broker: the local one, or
     * {@code docker exec} into the Testcontainers broker.
     */
    static java.util.List<String> rabbitmqctlPrefix() {
        String container = Locator.rabbitContainerId();
        return container == null ? java.util.List.of("rabbitmqctl") : java.util.List.of("docker", "exec", container, "rabbitmqctl");
    }

    /** Remembers a queue a test declared by hand, for deletion at JVM exit. */
    public static void rememberQueue(String queue) {
        TopologyCleanup.remember(queue);
    }

    private static String shortId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static void dropSchemas() {
        if (SCHEMAS.isEmpty()) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
                Statement statement = connection.createStatement()) {
            for (String schema : SCHEMAS) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        } catch (Exception e) {
            System.err.println("could not drop test schemas: " + e.getMessage());
        }
    }
}
