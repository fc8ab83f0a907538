package net.voipbin.flowmanager.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import net.voipbin.contract.flowmanager.Action;
import net.voipbin.contract.flowmanager.Activeflow;
import net.voipbin.contract.flowmanager.Activeflow.ReferenceType;
import net.voipbin.contract.flowmanager.Activeflow.Status;

/**
 * An activeflow as the engine keeps it: the actions it runs (a fetch may have replaced them), the
 * current action (to execute when {@code awaiting} is null, waited on otherwise), variables, goto counters
 * and the execute count of the loop guard. Immutable: every change is a new value the store saves.
 */
public record ActiveflowState(
        UUID id,
        UUID customerId,
        UUID flowId,
        ReferenceType referenceType,
        UUID referenceId,
        List<Action> actions,
        String currentActionId,
        Status status,
        Map<String, String> variables,
        Map<String, Integer> gotoCounts,
        int executeCount,
        Wait awaiting,
        String error,
        Instant tmCreate,
        Instant tmUpdate,
        Instant tmEnd) {

    public ActiveflowState {
        actions = List.copyOf(actions);
        variables = Map.copyOf(variables);
        gotoCounts = Map.copyOf(gotoCounts);
    }

    public boolean running() {
        return status == Status.RUNNING;
    }

    public Optional<Action> action(String actionId) {
        return actions.stream().filter(a -> a.id().equals(actionId)).findFirst();
    }

    /** The action's {@code next_id}, else the one after it in the list. */
    public Optional<String> nextAfter(Action action) {
        if (action.nextId() != null) {
            return Optional.of(action.nextId());
        }
        for (int i = 0; i < actions.size() - 1; i++) {
            if (actions.get(i).id().equals(action.id())) {
                return Optional.of(actions.get(i + 1).id());
            }
        }
        return Optional.empty();
    }

    public ActiveflowState moveTo(String actionId, Instant now) {
        return new ActiveflowState(id, customerId, flowId, referenceType, referenceId, actions, actionId, status,
                variables, gotoCounts, executeCount, null, error, tmCreate, now, tmEnd);
    }

    public ActiveflowState withWait(Wait newWait, Instant now) {
        return new ActiveflowState(id, customerId, flowId, referenceType, referenceId, actions, currentActionId,
                status, variables, gotoCounts, executeCount, newWait, error, tmCreate, now, tmEnd);
    }

    public ActiveflowState withActions(List<Action> newActions, Instant now) {
        return new ActiveflowState(id, customerId, flowId, referenceType, referenceId, newActions,
                newActions.getFirst().id(), status, variables, gotoCounts, executeCount, null, error, tmCreate, now,
                tmEnd);
    }

    /** After an action ran: its effect on variables and counters, one more execution counted. */
    public ActiveflowState executed(Map<String, String> newVariables, Map<String, Integer> newGotoCounts,
            boolean counted) {
        return new ActiveflowState(id, customerId, flowId, referenceType, referenceId, actions, currentActionId,
                status, newVariables, newGotoCounts, counted ? executeCount + 1 : executeCount, awaiting, error, tmCreate,
                tmUpdate, tmEnd);
    }

    /** Where an outcome of {@code action} leads: the next action, a wait, new actions, or the end. */
    public ActiveflowState apply(Action action, Outcome outcome, Instant now) {
        return switch (outcome) {
            case Outcome.Next next -> nextAfter(action).map(id -> moveTo(id, now)).orElseGet(() -> ended(null, now));
            case Outcome.GoTo go -> action(go.actionId()).isPresent() ? moveTo(go.actionId(), now)
                    : ended("no action with id '" + go.actionId() + "' to go to", now);
            case Outcome.Await await -> withWait(await.awaiting(), now);
            case Outcome.Replace replace -> replace.actions().isEmpty() ? ended(null, now)
                    : withActions(replace.actions(), now);
            case Outcome.End end -> ended(null, now);
            case Outcome.Fail fail -> ended(fail.error(), now);
        };
    }

    public ActiveflowState ended(String endError, Instant now) {
        return new ActiveflowState(id, customerId, flowId, referenceType, referenceId, actions, currentActionId,
                Status.ENDED, variables, gotoCounts, executeCount, null, endError, tmCreate, now, now);
    }

    public Activeflow toActiveflow() {
        return new Activeflow(id, customerId, flowId, referenceType, referenceId, currentActionId, status, variables,
                tmCreate, tmUpdate, tmEnd, error);
    }
}
