package net.voipbin.apigateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.apigateway.support.Api;
import net.voipbin.apigateway.support.GatewayITBase;
import net.voipbin.apigateway.support.ServiceStub;
import tools.jackson.databind.JsonNode;

class RoutingIT extends GatewayITBase {

    @Test
    void everyEndpointAServiceServesReachesThatServiceWithTheCallersTokenThroughTheOneBaseUrl() {
        for (ServiceEndpoints.Endpoint endpoint : ServiceEndpoints.read().endpoints()) {
            // A customer per request: the rate limit is not what this test is about.
            String token = tokenFor(UUID.randomUUID());
            ServiceStub owner = SERVICES.get(endpoint.service());
            int before = owner.received().size();
            String body = endpoint.method().equals("GET") || endpoint.method().equals("DELETE") ? null : "{\"a\":1}";

            HttpResponse<String> response = Api.send(endpoint.method(), base() + endpoint.concretePath(), token, body);

            assertThat(response.statusCode()).as("%s %s", endpoint.method(), endpoint.path()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Served-By")).as("%s %s", endpoint.method(), endpoint.path())
                    .contains(endpoint.service());
            ServiceStub.Received received = owner.received().get(before);
            assertThat(received.method()).isEqualTo(endpoint.method());
            assertThat(received.path()).isEqualTo(endpoint.concretePath());
            assertThat(received.authorization()).isEqualTo("Bearer " + token);
        }
    }

    @Test
    void queryStringsAndBodiesReachTheServiceAsSent() {
        String token = tokenFor(UUID.randomUUID());
        ServiceStub flows = SERVICES.get("flow-manager");
        int before = flows.received().size();

        HttpResponse<String> response = Api.send("POST", base() + "/v1.0/flows?page_size=5&name=a%20b", token,
                "{\"name\":\"ivr\",\"actions\":[{\"type\":\"answer\"}]}");

        assertThat(response.statusCode()).isEqualTo(200);
        ServiceStub.Received received = flows.received().get(before);
        assertThat(received.query()).isEqualTo("page_size=5&name=a%20b");
        assertThat(received.contentType()).startsWith("application/json");
        assertThat(received.body()).isEqualTo("{\"name\":\"ivr\",\"actions\":[{\"type\":\"answer\"}]}");
    }

    @Test
    void theCallerSeesOneTraceIdTheOneTheServiceLoggedUnder() {
        ServiceStub numbers = SERVICES.get("call-manager");
        int before = numbers.received().size();

        HttpResponse<String> response = Api.get(base() + "/v1.0/numbers", tokenFor(UUID.randomUUID()));

        assertThat(response.headers().allValues("X-Trace-Id")).hasSize(1);
        assertThat(response.headers().firstValue("X-Trace-Id")).contains(numbers.received().get(before).traceId());
    }

    @Test
    void theOperatorConsoleIsServedWithoutAToken() {
        HttpResponse<String> page = Api.get(base() + "/console/", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).containsIgnoringCase("<html");
    }

    @Test
    void aServicesErrorComesBackUnchanged() {
        HttpResponse<String> response = Api.get(base() + "/v1.0/calls/missing", tokenFor(UUID.randomUUID()));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"error\":\"not_found\",\"message\":\"no such thing\"}");
        assertThat(response.headers().firstValue("X-Served-By")).contains("call-manager");
    }

    @Test
    void aServiceThatIsDownIsA503InTheFleetsErrorBodyAtOnce() {
        ServiceStub conferences = SERVICES.get("conference-manager");
        Api.get(base() + "/v1.0/conferences", tokenFor(UUID.randomUUID()));
        conferences.down();
        try {
            long started = System.nanoTime();
            HttpResponse<String> response = Api.get(base() + "/v1.0/conferences", tokenFor(UUID.randomUUID()));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            assertThat(response.statusCode()).isEqualTo(503);
            JsonNode error = json.readTree(response.body());
            assertThat(error.get("error").asString()).isEqualTo("service_unavailable");
            assertThat(error.get("message").asString()).isEqualTo("conference-manager is unavailable");
        } finally {
            conferences.up();
        }
        assertThat(Api.get(base() + "/v1.0/conferences", tokenFor(UUID.randomUUID())).statusCode()).isEqualTo(200);
    }

    @Test
    void aServiceThatDoesNotAnswerIsA503AfterTheReadTimeoutNotAHang() {
        // A cold first request on a loaded machine takes seconds of its own: not what is measured here.
        Api.get(base() + "/v1.0/queues", tokenFor(UUID.randomUUID()));
        long started = System.nanoTime();
        HttpResponse<String> response = Api.get(base() + "/v1.0/queues/slow", tokenFor(UUID.randomUUID()));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofSeconds(2), ServiceStub.SLOW);
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json.readTree(response.body()).get("error").asString()).isEqualTo("service_unavailable");
    }

    @Test
    void anUnknownPathIsA404InTheFleetsErrorBody() {
        HttpResponse<String> response = Api.get(base() + "/v1.0/nothings/1", tokenFor(UUID.randomUUID()));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json.readTree(response.body()).get("error").asString()).isEqualTo("not_found");
    }

    @Test
    void aMissingOrForgedTokenIsRefusedAtTheGatewayWithTheFleets401() {
        int before = SERVICES.get("call-manager").received().size();

        HttpResponse<String> missing = Api.get(base() + "/v1.0/calls", null);
        HttpResponse<String> forged = Api.get(base() + "/v1.0/calls", tokenFor(UUID.randomUUID()) + "x");

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(json.readTree(missing.body()).get("message").asString()).isEqualTo("a bearer token is required");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(json.readTree(forged.body()).get("message").asString()).isEqualTo("invalid bearer token");
        assertThat(SERVICES.get("call-manager").received()).hasSize(before);
    }
}
