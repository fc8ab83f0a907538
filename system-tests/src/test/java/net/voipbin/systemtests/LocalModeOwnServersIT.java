package net.voipbin.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.systemtests.local.PortBlock;
import net.voipbin.systemtests.local.VoipbinCli;
import net.voipbin.testsupport.Postgres;
import net.voipbin.testsupport.TestInfra;

/**
 * A user who already runs PostgreSQL and RabbitMQ: with {@code VOIPBIN_DB_URL} and {@code VOIPBIN_AMQP_URL}
 * local mode uses those instead of its embedded ones (here, the machine's, in a database and an AMQP
 * namespace of this test's own), with RabbitMQ's direct reply-to, and the demo's call lands in that database.
 */
class LocalModeOwnServersIT {

    @Test
    void withTheUsersDatabaseAndBrokerTheDemoRunsOnThemAndItsCallIsStoredThere() throws Exception {
        Postgres postgres = TestInfra.postgres();
        String database = "voipbin_local_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String namespace = TestInfra.uniqueNamespace();
        String dbUrl = postgres.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        execute(postgres, "CREATE DATABASE " + database);
        VoipbinCli cli = new VoipbinCli(Path.of("target", "local-mode", "own-servers-" + UUID.randomUUID()),
                PortBlock.freeBase())
                .withEnv("VOIPBIN_DB_URL", dbUrl).withEnv("VOIPBIN_DB_USER", postgres.user())
                .withEnv("VOIPBIN_DB_PASSWORD", postgres.password() == null ? "" : postgres.password())
                .withEnv("VOIPBIN_AMQP_URL", TestInfra.rabbit().uri()).withEnv("VOIPBIN_AMQP_NAMESPACE", namespace);
        try {
            VoipbinCli.Result start = cli.run(LocalModeFleet.START_WITHIN, "start");
            assertThat(start.exitCode()).as(start.output()).isZero();
            assertThat(start.output()).contains(dbUrl).doesNotContain("8093/voipbin");

            VoipbinCli.Result demo = cli.run(Duration.ofMinutes(2), "demo");

            assertThat(demo.exitCode()).as(demo.output()).isZero();
            assertThat(demo.output()).contains("call_hungup").contains("activeflow_deleted");
            try (Connection connection = DriverManager.getConnection(dbUrl, postgres.user(), postgres.password());
                    Statement statement = connection.createStatement();
                    ResultSet calls = statement.executeQuery("SELECT count(*) FROM call_manager.calls")) {
                calls.next();
                assertThat(calls.getInt(1)).as("calls stored in the user's database").isEqualTo(1);
            }
        } finally {
            cli.run(Duration.ofMinutes(2), "stop");
            BrokerCleanup.deleteNamespace(namespace);
            execute(postgres, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static void execute(Postgres postgres, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
