package net.voipbin.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import com.jayway.jsonpath.JsonPath;
import com.rabbitmq.client.Channel;

/** What every service must show once started: healthy, its queue declared, its schema migrated. */
public final class ServiceChecks {

    private ServiceChecks() {
    }

    /** {@code /actuator/health} is UP, with the named components (db, rabbit, ...) UP too. */
    public static void assertHealthy(int port, String... components) {
        Http.Response response = Http.get("http://127.0.0.1:" + port + "/actuator/health", null);
        assertThat(response.status()).as("health status code, body %s", response.body()).isEqualTo(200);
        assertThat((String) JsonPath.read(response.body(), "$.status")).isEqualTo("UP");
        for (String component : components) {
            assertThat((String) JsonPath.read(response.body(), "$.components." + component + ".status"))
                    .as("health of %s", component).isEqualTo("UP");
        }
    }

    /** Healthy with its database and broker, its schema migrated, its request queue declared. */
    public static void assertStarted(int port, String schema, String requestQueue) {
        assertHealthy(port, "db", "rabbit");
        assertThat(schemaMigrated(schema)).as("schema %s migrated", schema).isTrue();
        assertThat(queueExists(requestQueue)).as("queue %s declared", requestQueue).isTrue();
    }

    public static boolean queueExists(String queue) {
        try (var connection = TestInfra.rabbit().connectionFactory().newConnection("queue-check");
                Channel channel = connection.createChannel()) {
            channel.queueDeclarePassive(queue);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** The schema exists and Flyway has recorded at least its baseline in it. */
    public static boolean schemaMigrated(String schema) {
        Postgres db = TestInfra.postgres();
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                ResultSet rows = connection.createStatement().executeQuery(
                        "SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + schema
                                + "' AND table_name = 'flyway_schema_history'")) {
            rows.next();
            return rows.getInt(1) == 1;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
