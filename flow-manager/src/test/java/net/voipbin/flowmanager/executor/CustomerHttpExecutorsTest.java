package net.voipbin.flowmanager.executor;

import static net.voipbin.flowmanager.engine.TestContexts.action;
import static net.voipbin.flowmanager.engine.TestContexts.context;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.flowmanager.engine.ActionContext;
import net.voipbin.flowmanager.engine.Outcome;
import net.voipbin.flowmanager.engine.TestContexts;
import net.voipbin.flowmanager.http.CustomerHttp;
import tools.jackson.databind.JsonNode;

class CustomerHttpExecutorsTest {

    private final UUID call = UUID.randomUUID();
    private String answer = "{}";
    private int status = 200;
    private boolean timeout;
    private String sentSecret;
    private JsonNode sentBody;

    private final CustomerHttp http = (url, body, secret, limit) -> {
        sentSecret = secret;
        sentBody = TestContexts.JSON.readTree(body);
        if (timeout) {
            throw new CustomerHttp.CustomerHttpException("no answer from " + url + " within " + limit.toMillis() + " ms");
        }
        return new CustomerHttp.Response(status, answer.getBytes(StandardCharsets.UTF_8));
    };

    private final FetchExecutor fetch = new FetchExecutor(http, TestContexts.JSON, TestContexts.VALIDATOR);

    @Test
    void syncWebhookPostsTheVariablesAndSetsVariablesFromTheAnswer() {
        answer = "{\"tier\":\"gold\",\"score\":7,\"nested\":{\"x\":1}}";
        ActionContext context = context(call, action("w", "webhook_send",
                "{\"url\":\"https://example.com/hook\",\"sync\":true,\"secret\":\"s3\"}"), Map.of("who", "Ada"));

        assertThat(new WebhookSendExecutor(http, TestContexts.JSON).execute(context)).isEqualTo(Outcome.NEXT);

        assertThat(sentSecret).isEqualTo("s3");
        assertThat(sentBody.path("variables").path("who").asString()).isEqualTo("Ada");
        assertThat(sentBody.path("reference_id").asString()).isEqualTo(call.toString());
        assertThat(context.variables()).containsEntry("tier", "gold").containsEntry("score", "7")
                .doesNotContainKey("nested");
    }

    @Test
    void aFailingSyncWebhookDoesNotEndTheCall() {
        status = 500;
        ActionContext context = context(call, action("w", "webhook_send",
                "{\"url\":\"https://example.com/hook\",\"sync\":true}"), Map.of());

        assertThat(new WebhookSendExecutor(http, TestContexts.JSON).execute(context)).isEqualTo(Outcome.NEXT);
        assertThat(context.variable(WebhookSendExecutor.ERROR_VARIABLE)).isEqualTo("answered 500");
    }

    @Test
    void fetchReplacesTheRestOfTheFlowWithTheValidatedAnswer() {
        answer = "{\"actions\":[{\"type\":\"talk\",\"option\":{\"text\":\"dynamic\"}},{\"id\":\"h\",\"type\":\"hangup\"}]}";

        Outcome outcome = fetch.execute(context(call, action("f", "fetch",
                "{\"url\":\"https://example.com/ivr\",\"secret\":\"k\"}"), Map.of()));

        var actions = ((Outcome.Replace) outcome).actions();
        assertThat(actions).extracting(a -> a.type()).containsExactly("talk", "hangup");
        assertThat(actions.getFirst().id()).isNotBlank();
        assertThat(sentSecret).isEqualTo("k");
        assertThat(sentBody.path("action_id").asString()).isEqualTo("f");
    }

    @Test
    void fetchFallsBackOnTimeoutErrorOrInvalidActions() {
        String option = "{\"url\":\"https://example.com/ivr\",\"timeout_ms\":500,\"fallback_target_id\":\"fb\"}";
        timeout = true;
        ActionContext timedOut = context(call, action("f", "fetch", option), Map.of());
        assertThat(fetch.execute(timedOut)).isEqualTo(Outcome.goTo("fb"));
        assertThat(timedOut.variable(FetchExecutor.ERROR_VARIABLE)).contains("within 500 ms");

        timeout = false;
        answer = "{\"actions\":[{\"type\":\"talk\",\"option\":{}}]}";
        ActionContext invalid = context(call, action("f", "fetch", option), Map.of());
        assertThat(fetch.execute(invalid)).isEqualTo(Outcome.goTo("fb"));
        assertThat(invalid.variable(FetchExecutor.ERROR_VARIABLE)).contains("actions[0].option.text");

        status = 404;
        assertThat(fetch.execute(context(call, action("f", "fetch", "{\"url\":\"https://example.com/ivr\"}"), Map.of())))
                .isEqualTo(Outcome.NEXT);
    }
}
