package net.voipbin.flowmanager.executor;


import org.springframework.stereotype.Component;

import net.voipbin.flowmanager.action.ActionType;
import net.voipbin.flowmanager.action.ControlOptions;
import net.voipbin.flowmanager.engine.ActionContext;
import net.voipbin.flowmanager.engine.ActionExecutor;
import net.voipbin.flowmanager.engine.Outcome;

/** Jumps to the target of the variable's value, else the default target, else the next action. */
@Component
class BranchExecutor implements ActionExecutor {

    @Override
    public ActionType type() {
        return ActionType.BRANCH;
    }

    @Override
    public Outcome execute(ActionContext context) {
        ControlOptions.Branch option = context.option(ControlOptions.Branch.class);
        String target = option.targetIds().getOrDefault(context.variable(option.variableOrDefault()),
                option.defaultTargetId());
        return target == null ? Outcome.NEXT : Outcome.goTo(target);
    }
}
