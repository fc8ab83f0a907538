package net.voipbin.flowmanager.executor;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import net.voipbin.flowmanager.action.ActionType;
import net.voipbin.flowmanager.action.ExternalOptions;
import net.voipbin.flowmanager.engine.ActionContext;
import net.voipbin.flowmanager.engine.ActionExecutor;
import net.voipbin.flowmanager.engine.Outcome;
import net.voipbin.flowmanager.http.CustomerHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs the activeflow's variables to the customer. Fire and forget by default; with {@code sync} the
 * flow waits for the answer (up to the timeout) and each scalar field of a JSON object answer becomes a
 * variable. A failed webhook never ends the call: the reason goes to {@code voipbin.webhook.error}.
 */
@Component
class WebhookSendExecutor implements ActionExecutor {

    static final String ERROR_VARIABLE = "voipbin.webhook.error";

    private static final Logger log = LoggerFactory.getLogger(WebhookSendExecutor.class);

    private final CustomerHttp http;
    private final JsonMapper json;

    WebhookSendExecutor(CustomerHttp http, JsonMapper json) {
        this.http = http;
        this.json = json;
    }

    @Override
    public ActionType type() {
        return ActionType.WEBHOOK_SEND;
    }

    @Override
    public Outcome execute(ActionContext context) {
        ExternalOptions.WebhookSend option = context.option(ExternalOptions.WebhookSend.class);
        byte[] body = json.writeValueAsBytes(CustomerRequest.of(context));
        Duration timeout = Duration.ofMillis(option.timeoutOrDefault());
        if (!Boolean.TRUE.equals(option.sync())) {
            Thread.ofVirtual().start(() -> sendQuietly(option.url(), body, option.secret(), timeout));
            return Outcome.NEXT;
        }
        try {
            CustomerHttp.Response response = http.post(option.url(), body, option.secret(), timeout);
            if (!response.ok()) {
                context.setVariable(ERROR_VARIABLE, "answered " + response.status());
                return Outcome.NEXT;
            }
            setVariables(context, json.readTree(response.body()));
        } catch (RuntimeException e) {
            context.setVariable(ERROR_VARIABLE, e.getMessage());
        }
        return Outcome.NEXT;
    }

    private static void setVariables(ActionContext context, JsonNode answer) {
        if (answer == null || !answer.isObject()) {
            return;
        }
        answer.properties().forEach(field -> {
            if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                context.setVariable(field.getKey(), field.getValue().asString());
            }
        });
    }

    private void sendQuietly(String url, byte[] body, String secret, Duration timeout) {
        try {
            http.post(url, body, secret, timeout);
        } catch (RuntimeException e) {
            log.info("webhook_send to {} failed: {}", url, e.getMessage());
        }
    }
}
