package net.voipbin.flowmanager.engine;

import java.util.List;

import net.voipbin.contract.flowmanager.Action;

/** What an executor decided; the engine applies it to the activeflow. */
public sealed interface Outcome {

    Outcome NEXT = new Next();
    Outcome END = new End();

    /** The action's {@code next_id}, else the following action; none left ends the flow. */
    record Next() implements Outcome {
    }

    record GoTo(String actionId) implements Outcome {
    }

    /** Stay on this action until a matching {@link Signal} arrives. */
    record Await(Wait awaiting) implements Outcome {
    }

    /** The actions replace the rest of the flow (fetch, fetch_flow); the first runs next. */
    record Replace(List<Action> actions) implements Outcome {
        public Replace {
            actions = List.copyOf(actions);
        }
    }

    /** The flow ends normally (hangup, stop). */
    record End() implements Outcome {
    }

    /** The flow ends with this error. */
    record Fail(String error) implements Outcome {
    }

    static Outcome goTo(String actionId) {
        return new GoTo(actionId);
    }

    static Outcome await(Wait wait) {
        return new Await(wait);
    }

    static Outcome fail(String error) {
        return new Fail(error);
    }
}
