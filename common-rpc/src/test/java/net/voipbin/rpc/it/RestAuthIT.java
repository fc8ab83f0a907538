package net.voipbin.rpc.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import com.jayway.jsonpath.JsonPath;

import net.voipbin.rpc.auth.JwtTokens;
import net.voipbin.rpc.config.OperatorAccess;
import net.voipbin.testsupport.Http;
import net.voipbin.testsupport.TestInfra;

/** The REST edge every service shares: bearer JWT, tenant isolation, one error format. */
class RestAuthIT {

    private static ConfigurableApplicationContext service;
    private static String base;

    @BeforeAll
    static void start() {
        service = SampleServiceApp.start("notes", TestInfra.uniqueNamespace(), WebApplicationType.SERVLET);
        base = "http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void refusesARequestWithoutATokenWith401InTheErrorFormat() {
        Http.Response response = Http.get(base + "/v1.0/notes/" + UUID.randomUUID(), null);

        assertThat(response.status()).isEqualTo(401);
        assertThat((String) JsonPath.read(response.body(), "$.error")).isEqualTo("unauthenticated");
    }

    @Test
    void refusesForgedMalformedAndExpiredTokens() {
        UUID customer = UUID.randomUUID();
        String forged = JwtTokens.mint("another-fleet-key-that-is-long-enough-0123456789", customer, Duration.ofHours(1));
        String expired = JwtTokens.mint(TestInfra.JWT_SECRET, customer, Duration.ofSeconds(-120));

        for (String token : new String[] {forged, "not.a.jwt", expired}) {
            Http.Response response = Http.get(base + "/v1.0/notes/" + UUID.randomUUID(), token);
            assertThat(response.status()).as("token %s", token).isEqualTo(401);
            assertThat((String) JsonPath.read(response.body(), "$.message")).isEqualTo("invalid bearer token");
        }
    }

    @Test
    void showsACustomerOnlyItsOwnResources() {
        String alice = JwtTokens.mint(TestInfra.JWT_SECRET, UUID.randomUUID(), Duration.ofHours(1));
        String bob = JwtTokens.mint(TestInfra.JWT_SECRET, UUID.randomUUID(), Duration.ofHours(1));

        Http.Response created = Http.post(base + "/v1.0/notes", alice, "{\"name\":\"call back tomorrow\"}");
        assertThat(created.status()).isEqualTo(200);
        String id = JsonPath.read(created.body(), "$.id");

        assertThat(Http.get(base + "/v1.0/notes/" + id, alice).status()).isEqualTo(200);
        Http.Response foreign = Http.get(base + "/v1.0/notes/" + id, bob);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat((String) JsonPath.read(foreign.body(), "$.error")).isEqualTo("not_found");
    }

    @Test
    void namesTheInvalidFieldAndRejectsUnreadableBodies() {
        String token = JwtTokens.mint(TestInfra.JWT_SECRET, UUID.randomUUID(), Duration.ofHours(1));

        Http.Response blank = Http.post(base + "/v1.0/notes", token, "{\"name\":\"\"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat((String) JsonPath.read(blank.body(), "$.field")).isEqualTo("name");

        Http.Response garbage = Http.post(base + "/v1.0/notes", token, "{name:");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat((String) JsonPath.read(garbage.body(), "$.error")).isEqualTo("invalid_body");
        assertThat((String) JsonPath.read(garbage.body(), "$.message")).startsWith("request body is not valid JSON (line 1");

        assertThat(Http.get(base + "/v1.0/notes/not-a-uuid", token).status()).isEqualTo(400);
    }

    @Test
    void anUnreadableBodyIsExplainedInTheRequestsTermsWithoutJavaNames() {
        String token = JwtTokens.mint(TestInfra.JWT_SECRET, UUID.randomUUID(), Duration.ofHours(1));

        Http.Response empty = Http.post(base + "/v1.0/notes", token, "");
        Http.Response array = Http.post(base + "/v1.0/notes", token, "[1, 2]");
        Http.Response wrongKind = Http.post(base + "/v1.0/notes", token, "{\"name\": {\"first\": \"x\"}}");

        assertThat(empty.status()).isEqualTo(400);
        assertThat((String) JsonPath.read(empty.body(), "$.message")).isEqualTo("request body is required: a JSON object");
        assertThat((String) JsonPath.read(array.body(), "$.message")).isEqualTo("request body must be a JSON object");
        assertThat((String) JsonPath.read(wrongKind.body(), "$.message")).isEqualTo("name: must be a string");
        assertThat((String) JsonPath.read(wrongKind.body(), "$.field")).isEqualTo("name");
        for (Http.Response response : java.util.List.of(empty, array, wrongKind)) {
            assertThat(response.body()).doesNotContain("java.", "Greeting", "NoteController", "Exception");
        }
        Http.Response text = send(base + "/v1.0/notes", token, "text/plain", "call back");
        assertThat(text.status()).isEqualTo(415);
        assertThat((String) JsonPath.read(text.body(), "$.error")).isEqualTo("unsupported_media_type");
    }

    private static Http.Response send(String url, String token, String contentType, String body) {
        try {
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).header("Authorization", "Bearer " + token)
                            .header("Content-Type", contentType)
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Http.Response(response.statusCode(), response.body());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void leavesHealthOpenForProbes() {
        Http.Response health = Http.get(base + "/actuator/health", null);

        assertThat(health.status()).isEqualTo(200);
        assertThat((String) JsonPath.read(health.body(), "$.status")).isEqualTo("UP");
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            Http.Response answer = Http.get(base + probe, null);
            assertThat(answer.status()).as(probe).isEqualTo(200);
            assertThat((String) JsonPath.read(answer.body(), "$.status")).as(probe).isEqualTo("UP");
        }
    }

    @Test
    void showsAnonymousAndCustomerCallersComponentStatusesButNoHealthDetails() {
        String customer = JwtTokens.mint(TestInfra.JWT_SECRET, UUID.randomUUID(), Duration.ofHours(1));

        for (String token : new String[] {null, customer}) {
            Http.Response health = Http.get(base + "/actuator/health", token);
            assertThat(health.status()).isEqualTo(200);
            assertThat((String) JsonPath.read(health.body(), "$.components.rabbit.status")).isEqualTo("UP");
            // What anonymous callers used to read here: the disk path, the broker's version.
            assertThat(health.body()).doesNotContain("details", "version", "path", "total", "free");
            assertThat(Http.get(base + "/actuator/health/diskSpace", token).body()).doesNotContain("details", "path");
        }
    }

    @Test
    void showsAnOperatorTheHealthDetails() {
        String operator = OperatorAccess.mint(TestInfra.JWT_SECRET, Duration.ofHours(1));

        Http.Response health = Http.get(base + "/actuator/health", operator);

        assertThat(health.status()).isEqualTo(200);
        assertThat((String) JsonPath.read(health.body(), "$.components.rabbit.details.version")).isNotBlank();
        assertThat((String) JsonPath.read(health.body(), "$.components.diskSpace.details.path")).isNotBlank();
    }

    @Test
    void keepsTheMetricsFromAnonymousCallersAndCustomersInTheErrorFormat() {
        String customer = JwtTokens.mint(TestInfra.JWT_SECRET, UUID.randomUUID(), Duration.ofHours(1));

        Http.Response anonymous = Http.get(base + "/actuator/metrics", null);
        Http.Response asCustomer = Http.get(base + "/actuator/metrics/jvm.memory.used", customer);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat((String) JsonPath.read(anonymous.body(), "$.error")).isEqualTo("unauthenticated");
        assertThat(asCustomer.status()).isEqualTo(403);
        assertThat((String) JsonPath.read(asCustomer.body(), "$.error")).isEqualTo("permission_denied");
        assertThat((String) JsonPath.read(asCustomer.body(), "$.message")).isEqualTo("an operator token is required");
        assertThat(Http.get(base + "/actuator", customer).status()).isEqualTo(403);
    }

    @Test
    void letsAnOperatorReadTheMetricsButNoCustomersResources() {
        String operator = OperatorAccess.mint(TestInfra.JWT_SECRET, Duration.ofHours(1));

        Http.Response metrics = Http.get(base + "/actuator/metrics/jvm.memory.used", operator);

        assertThat(metrics.status()).isEqualTo(200);
        assertThat((String) JsonPath.read(metrics.body(), "$.name")).isEqualTo("jvm.memory.used");
        Http.Response notes = Http.get(base + "/v1.0/notes/" + UUID.randomUUID(), operator);
        assertThat(notes.status()).isEqualTo(401);
        assertThat((String) JsonPath.read(notes.body(), "$.message")).isEqualTo("the token names no customer");
    }

    @Test
    void aRoleClaimUnderAnotherKeyMakesNoOperator() {
        String forged = OperatorAccess.mint("another-fleet-key-that-is-long-enough-0123456789", Duration.ofHours(1));

        assertThat(Http.get(base + "/actuator/metrics", forged).status()).isEqualTo(401);
        assertThat(Http.get(base + "/actuator/health", forged).status()).isEqualTo(401);
    }
}
