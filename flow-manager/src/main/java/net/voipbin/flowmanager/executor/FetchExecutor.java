package net.voipbin.flowmanager.executor;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;

import net.voipbin.contract.flowmanager.Action;
import net.voipbin.flowmanager.action.ActionType;
import net.voipbin.flowmanager.action.ExternalOptions;
import net.voipbin.flowmanager.action.FlowValidator;
import net.voipbin.flowmanager.engine.ActionContext;
import net.voipbin.flowmanager.engine.ActionExecutor;
import net.voipbin.flowmanager.engine.Outcome;
import net.voipbin.flowmanager.http.CustomerHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dynamic IVR: POSTs the activeflow's state to the customer's URL (signed with the option's secret) and
 * runs the actions it answers ({@code {"actions": [...]}} or a bare array) in place of the rest of the
 * flow, validated like a stored flow. No answer in time, an error status or invalid actions: the reason
 * goes to {@code voipbin.fetch.error} and the flow goes on at {@code fallback_target_id} (else next).
 */
@Component
class FetchExecutor implements ActionExecutor {

    static final String ERROR_VARIABLE = "voipbin.fetch.error";

    private final CustomerHttp http;
    private final JsonMapper json;
    private final FlowValidator validator;

    FetchExecutor(CustomerHttp http, JsonMapper json, FlowValidator validator) {
        this.http = http;
        this.json = json;
        this.validator = validator;
    }

    @Override
    public ActionType type() {
        return ActionType.FETCH;
    }

    @Override
    public Outcome execute(ActionContext context) {
        ExternalOptions.Fetch option = context.option(ExternalOptions.Fetch.class);
        byte[] body = json.writeValueAsBytes(CustomerRequest.of(context));
        try {
            CustomerHttp.Response response = http.post(option.url(), body, option.secret(),
                    Duration.ofMillis(option.timeoutOrDefault()));
            if (!response.ok()) {
                return fallback(context, option, "answered " + response.status());
            }
            return new Outcome.Replace(validator.validate(actions(json.readTree(response.body()))));
        } catch (RuntimeException e) {
            return fallback(context, option, e.getMessage());
        }
    }

    private List<Action> actions(JsonNode answer) {
        JsonNode list = answer.isArray() ? answer : answer.path("actions");
        if (!list.isArray()) {
            throw new IllegalArgumentException("the answer has no actions array");
        }
        return Arrays.asList(json.treeToValue(list, Action[].class));
    }

    private static Outcome fallback(ActionContext context, ExternalOptions.Fetch option, String reason) {
        context.setVariable(ERROR_VARIABLE, reason == null ? "error" : reason);
        return option.fallbackTargetId() == null ? Outcome.NEXT : Outcome.goTo(option.fallbackTargetId());
    }
}
