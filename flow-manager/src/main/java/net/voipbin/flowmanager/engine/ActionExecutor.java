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
}
