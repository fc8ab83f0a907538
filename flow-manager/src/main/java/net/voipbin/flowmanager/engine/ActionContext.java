package net.voipbin.flowmanager.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

import net.voipbin.contract.flowmanager.Action;
import net.voipbin.contract.flowmanager.Activeflow.ReferenceType;

/**
 * What an executor sees of its activeflow: the (substituted) action and its typed option, the call,
 * the variables it may change, the goto counters, the current wait when resuming, and the clock.
 */
public final class ActionContext {

    private final ActiveflowState state;
    private final Action action;
    private final BiFunction<Action, Class<?>, Object> binder;
    private final Clock clock;
    private final Map<String, String> variables;
    private final Map<String, Integer> gotoCounts;

    public ActionContext(ActiveflowState state, Action action, BiFunction<Action, Class<?>, Object> binder,
            Clock clock) {
        this.state = state;
        this.action = action;
        this.binder = binder;
        this.clock = clock;
        this.variables = new LinkedHashMap<>(state.variables());
        this.gotoCounts = new HashMap<>(state.gotoCounts());
    }

    public Action action() {
        return action;
    }

    /** The action a {@code next} outcome leads to, if any. */
    public Optional<Action> nextAction() {
        return state.nextAfter(action).flatMap(state::action);
    }

    public <T> T option(Class<T> type) {
        return type.cast(binder.apply(action, type));
    }

    public UUID activeflowId() {
        return state.id();
    }

    public UUID customerId() {
        return state.customerId();
    }

    public UUID flowId() {
        return state.flowId();
    }

    /** The call this flow drives; empty when the flow runs for something else (a campaign, the API). */
    public Optional<UUID> callId() {
        return state.referenceType() == ReferenceType.CALL ? Optional.of(state.referenceId()) : Optional.empty();
    }

    public ActiveflowState state() {
        return state;
    }

    /** The wait being resumed (null while executing). */
    public Wait currentWait() {
        return state.awaiting();
    }

    public String variable(String name) {
        return variables.getOrDefault(name, "");
    }

    public void setVariable(String name, String value) {
        variables.put(name, value == null ? "" : value);
    }

    public Map<String, String> variables() {
        return Map.copyOf(variables);
    }

    /** Counts one more pass through a goto; answers the new count. */
    public int countGoto(String actionId) {
        return gotoCounts.merge(actionId, 1, Integer::sum);
    }

    public Map<String, Integer> gotoCounts() {
        return Map.copyOf(gotoCounts);
    }

    /** The id a long call operation carries, echoed by call-manager in {@code call_operation_finished}. */
    public String newOperationId() {
        return UUID.randomUUID().toString();
    }

    public Instant now() {
        return clock.instant();
    }

    public Clock clock() {
        return clock;
    }
}
