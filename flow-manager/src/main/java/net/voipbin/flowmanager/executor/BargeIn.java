package net.voipbin.flowmanager.executor;

import net.voipbin.flowmanager.action.ActionType;
import net.voipbin.flowmanager.engine.ActionContext;

/** Whether a prompt stops at the caller's first digit: as the action says, else when a menu follows it. */
final class BargeIn {

    private BargeIn() {
    }

    static boolean of(Boolean option, ActionContext context) {
        if (option != null) {
            return option;
        }
        return context.nextAction().map(next -> ActionType.DIGITS_RECEIVE.wire().equals(next.type())).orElse(false);
    }
}
