package net.voipbin.apigateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.apigateway.support.Api;
import net.voipbin.apigateway.support.GatewayITBase;
import tools.jackson.databind.JsonNode;

/** The base gives each customer 5 requests per 5 s window, all at once if it likes. */
class RateLimitIT extends GatewayITBase {

    @Test
    void aCustomerOverItsLimitGets429WithRetryAfterAndTheServiceIsNotCalled() {
        warmUp();
        String token = tokenFor(UUID.randomUUID());
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(Api.get(base() + "/v1.0/agents", token).statusCode());
        }
        int before = SERVICES.get("agent-manager").received().size();

        HttpResponse<String> refused = Api.get(base() + "/v1.0/agents", token);

        assertThat(statuses).containsOnly(200);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 5));
        JsonNode error = json.readTree(refused.body());
        assertThat(error.get("error").asString()).isEqualTo("rate_limited");
        assertThat(error.get("message").asString()).startsWith("too many requests");
        assertThat(SERVICES.get("agent-manager").received()).hasSize(before);
    }

    /** A cold gateway's first requests are slow; the window is counted from a customer's first request. */
    private void warmUp() {
        Api.get(base() + "/v1.0/agents", tokenFor(UUID.randomUUID()));
    }

    @Test
    void anotherCustomerIsNotLimitedByTheFirst() {
        String busy = tokenFor(UUID.randomUUID());
        for (int i = 0; i < 6; i++) {
            Api.get(base() + "/v1.0/agents", busy);
        }
        assertThat(Api.get(base() + "/v1.0/agents", busy).statusCode()).isEqualTo(429);

        assertThat(Api.get(base() + "/v1.0/agents", tokenFor(UUID.randomUUID())).statusCode()).isEqualTo(200);
    }

    @Test
    void afterRetryAfterTheCustomerIsServedAgain() {
        String token = tokenFor(UUID.randomUUID());
        HttpResponse<String> last = null;
        for (int i = 0; i < 6; i++) {
            last = Api.get(base() + "/v1.0/agents", token);
        }
        assertThat(last.statusCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow());

        await().pollDelay(Duration.ofSeconds(retryAfter)).atMost(Duration.ofSeconds(retryAfter + 2))
                .until(() -> Api.get(base() + "/v1.0/agents", token).statusCode() == 200);
    }
}
