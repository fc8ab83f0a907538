package net.voipbin.flowmanager.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Validation;
import net.voipbin.contract.flowmanager.Action;
import net.voipbin.contract.flowmanager.Activeflow;
import net.voipbin.flowmanager.action.FlowValidator;
import net.voipbin.rpc.json.Json;
import tools.jackson.databind.json.JsonMapper;

/** Builds the pieces executor and engine tests need, without Spring. */
public final class TestContexts {

    public static final JsonMapper JSON = Json.newMapper();
    public static final FlowValidator VALIDATOR =
            new FlowValidator(JSON, Validation.buildDefaultValidatorFactory().getValidator());
    public static final Instant NOW = Instant.parse("2026-01-20T12:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private TestContexts() {
    }

    public static Action action(String id, String type, String optionJson) {
        return new Action(id, type, JSON.readTree(optionJson), null);
    }

    public static ActiveflowState state(UUID callId, List<Action> actions, Map<String, String> variables) {
        return new ActiveflowState(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                Activeflow.ReferenceType.CALL, callId, actions, actions.getFirst().id(), Activeflow.Status.RUNNING,
                variables, Map.of(), 0, null, null, NOW, NOW, null);
    }

    /** A context executing {@code action} (options substituted) for a flow of just that action. */
    public static ActionContext context(UUID callId, Action action, Map<String, String> variables) {
        return context(state(callId, List.of(action), variables), action);
    }

    public static ActionContext context(ActiveflowState state, Action action) {
        Action resolved = new Action(action.id(), action.type(), Variables.substitute(action.option(),
                state.variables()), action.nextId());
        return new ActionContext(state, resolved, (a, type) -> VALIDATOR.bind(a.option(), type), CLOCK);
    }

    /** A context resuming {@code action} that waits on {@code wait}. */
    public static ActionContext resuming(UUID callId, Action action, Wait wait) {
        ActiveflowState state = state(callId, List.of(action), Map.of()).withWait(wait, NOW);
        return context(state, action);
    }
}
