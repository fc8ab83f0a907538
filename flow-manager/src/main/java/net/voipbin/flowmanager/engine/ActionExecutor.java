package net.voipbin.flowmanager.engine;

import net.voipbin.flowmanager.action.ActionType;

/**
 * Runs one action type. {@link #execute} starts it (options already substituted); if it answered
 * {@link Outcome.Await}, {@link #resume} is called with the matching signal. Executors keep no state of
 * their own: everything they need to resume is in the context (variables, the wait).
 */
public interface ActionExecutor {

    ActionType type();

    Outcome execute(ActionContext context);

    default Outcome resume(ActionContext context, Signal signal) {
        return Outcome.NEXT;
    }

    /**
     * Whether executing the action once more is harmless and changes nothing but the flow's wait. Such an
     * action's wait is kept in memory only: after a restart the flow executes the action again.
     */
    default boolean redoable() {
        return false;
    }
}
