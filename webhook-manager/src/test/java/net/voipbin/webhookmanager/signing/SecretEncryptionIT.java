package net.voipbin.webhookmanager.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import net.voipbin.rpc.auth.JwtTokens;
import net.voipbin.rpc.envelope.Event;
import net.voipbin.rpc.event.EventPublisher;
import net.voipbin.rpc.json.Json;
import net.voipbin.rpc.topology.Topology;
import net.voipbin.testsupport.Http;
import net.voipbin.testsupport.Postgres;
import net.voipbin.testsupport.TestInfra;
import net.voipbin.webhookmanager.Receiver;
import net.voipbin.webhookmanager.Verify;
import net.voipbin.webhookmanager.WebhookManagerApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook secrets at rest, on real PostgreSQL: the row holds no clear secret; after a restart with a new
 * key (the old one kept as a previous key) every row is under the new key, a row written in clear before
 * encryption included, and receivers still verify every signature; a start with a key that decrypts
 * nothing stored fails, naming the key it needs. No secret or key reaches the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretEncryptionIT {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final String schema = TestInfra.uniqueSchema("webhook-manager");
    private final String namespace = TestInfra.uniqueNamespace();
    private final UUID customer = UUID.randomUUID();
    private final String token = JwtTokens.mint(TestInfra.JWT_SECRET, customer, Duration.ofHours(1));
    private final JsonMapper json = Json.newMapper();
    private final String oldKey = randomKey();
    private final String newKey = randomKey();
    private Receiver receiver;

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void secretsAreEncryptedAtRestAndStillSignAfterAKeyRotationWhileAWrongKeyFailsTheStart(CapturedOutput log)
            throws Exception {
        receiver = new Receiver();
        String webhookId;
        String firstSecret;
        String secondSecret;
        ConfigurableApplicationContext first = start(oldKey);
        try {
            JsonNode created = post(port(first), "/v1.0/webhooks", "{\"url\":\"" + receiver.url("/rotated") + "\"}");
            webhookId = created.get("id").asString();
            firstSecret = created.get("secret").asString();
            secondSecret = post(port(first), "/v1.0/webhooks/" + webhookId + "/rotate_secret",
                    "{\"grace_period_seconds\":3600}").get("secret").asString();
        } finally {
            first.close();
        }
        assertThat(storedRow(webhookId)).doesNotContain(body(firstSecret), body(secondSecret), "whsec_");
        assertThat(stored(webhookId)).allSatisfy(value -> assertThat(value).startsWith("v1:" + keyId(oldKey) + ":"));
        String clearSecret = WebhookSecret.generate(new SecureRandom()).value();
        String clearWebhook = insertInClear(receiver.url("/written-in-clear"), clearSecret);

        ConfigurableApplicationContext second = start(newKey, oldKey);
        try {
            for (String id : List.of(webhookId, clearWebhook)) {
                assertThat(stored(id)).allSatisfy(value -> assertThat(value).startsWith("v1:" + keyId(newKey) + ":"));
            }
            assertThat(storedRow(clearWebhook)).doesNotContain(body(clearSecret));
            publishCallHungup(second);
            await().atMost(DEADLINE).until(() -> receiver.on("/rotated").size() == 1
                    && receiver.on("/written-in-clear").size() == 1);
            assertSignedWith(receiver.on("/rotated").getFirst(), secondSecret, firstSecret);
            assertSignedWith(receiver.on("/written-in-clear").getFirst(), clearSecret);
        } finally {
            second.close();
        }

        assertThatThrownBy(() -> start(randomKey()).close())
                .hasStackTraceContaining("no configured key decrypts the secrets of 2 webhook(s), by key id: {"
                        + keyId(newKey) + "=2}");
        assertThat(log.getAll()).doesNotContain(body(firstSecret), body(secondSecret), body(clearSecret), oldKey, newKey);
    }

    private void assertSignedWith(Receiver.Request request, String... secrets) throws Exception {
        for (String secret : secrets) {
            assertThat(Verify.voipbin(request.header("X-VoIPBIN-Signature"), request.body(), secret)).isTrue();
            assertThat(Verify.standard(request.header("webhook-id"), request.header("webhook-timestamp"),
                    request.header("webhook-signature"), request.body(), secret)).isTrue();
        }
    }

    private ConfigurableApplicationContext start(String key, String... previousKeys) {
        Postgres db = TestInfra.postgres();
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--spring.datasource.hikari.schema=" + schema,
                "--spring.flyway.schemas=" + schema,
                "--spring.rabbitmq.addresses=" + TestInfra.rabbit().uri(),
                "--voipbin.amqp.namespace=" + namespace,
                "--voipbin.auth.jwt-secret=" + TestInfra.JWT_SECRET,
                "--voipbin.webhook.allowed-networks=127.0.0.0/8",
                "--voipbin.webhook.secret-key=" + key,
                "--voipbin.webhook.previous-secret-keys=" + String.join(",", previousKeys)));
        return new SpringApplicationBuilder(WebhookManagerApplication.class).run(arguments.toArray(String[]::new));
    }

    private void publishCallHungup(ConfigurableApplicationContext context) {
        context.getBean(EventPublisher.class).send(context.getBean(Topology.class).eventExchange(), new Event(
                "call_hungup", "call-manager", Instant.now(),
                json.valueToTree(Map.of("id", "c-1", "customer_id", customer.toString()))));
    }

    private JsonNode post(int port, String path, String body) {
        Http.Response response = Http.post("http://127.0.0.1:" + port + path, token, body);
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
        return json.readTree(response.body());
    }

    /** As a webhook-manager from before encryption wrote it. */
    private String insertInClear(String url, String secret) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection db = connection(); PreparedStatement insert = db.prepareStatement("INSERT INTO " + schema
                + ".webhooks (id, customer_id, url, event_types, enabled, description, secret, tm_create, tm_update) "
                + "VALUES (?, ?, ?, '{}', true, '', ?, now(), now())")) {
            insert.setObject(1, id);
            insert.setObject(2, customer);
            insert.setString(3, url);
            insert.setString(4, secret);
            insert.executeUpdate();
        }
        return id.toString();
    }

    private List<String> stored(String webhookId) throws SQLException {
        List<String> values = new ArrayList<>();
        query("SELECT secret, previous_secret FROM " + schema + ".webhooks WHERE id = ?::uuid", webhookId, rs -> {
            values.add(rs.getString(1));
            if (rs.getString(2) != null) {
                values.add(rs.getString(2));
            }
        });
        return values;
    }

    /** The whole row as text: no column may hold the secret. */
    private String storedRow(String webhookId) throws SQLException {
        StringBuilder row = new StringBuilder();
        query("SELECT row_to_json(w)::text FROM " + schema + ".webhooks w WHERE id = ?::uuid", webhookId,
                rs -> row.append(rs.getString(1)));
        assertThat(row).isNotEmpty();
        return row.toString();
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, String webhookId, RowReader reader) throws SQLException {
        try (Connection db = connection(); PreparedStatement select = db.prepareStatement(sql)) {
            select.setString(1, webhookId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    private static Connection connection() throws SQLException {
        Postgres db = TestInfra.postgres();
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private static String body(String secret) {
        return secret.substring(WebhookSecret.PREFIX.length());
    }

    private static String keyId(String key) {
        return SecretKeyRing.idOf(Base64.getDecoder().decode(key));
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
