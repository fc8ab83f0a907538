package net.voipbin.flowmanager.executor;


import org.springframework.stereotype.Component;

import net.voipbin.flowmanager.action.ActionType;
import net.voipbin.flowmanager.action.ControlOptions;
import net.voipbin.flowmanager.engine.ActionContext;
import net.voipbin.flowmanager.engine.ActionExecutor;
import net.voipbin.flowmanager.engine.Outcome;

/** Jumps to the target at most {@code loop_count} times (counted per goto action), then falls through. */
@Component
class GotoExecutor implements ActionExecutor {

    @Override
    public ActionType type() {
        return ActionType.GOTO;
    }

    @Override
    public Outcome execute(ActionContext context) {
        ControlOptions.Goto option = context.option(ControlOptions.Goto.class);
        if (option.loopCount() == null) {
            return Outcome.goTo(option.targetId());
        }
        int passes = context.countGoto(context.action().id());
        return passes <= option.loopCount() ? Outcome.goTo(option.targetId()) : Outcome.NEXT;
    }
}
