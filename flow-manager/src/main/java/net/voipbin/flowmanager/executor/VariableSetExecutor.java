package net.voipbin.flowmanager.executor;


import org.springframework.stereotype.Component;

import net.voipbin.flowmanager.action.ActionType;
import net.voipbin.flowmanager.action.ControlOptions;
import net.voipbin.flowmanager.engine.ActionContext;
import net.voipbin.flowmanager.engine.ActionExecutor;
import net.voipbin.flowmanager.engine.Outcome;

/** Sets a variable (the value is substituted first, so {@code ${a}-${b}} works). */
@Component
class VariableSetExecutor implements ActionExecutor {

    @Override
    public ActionType type() {
        return ActionType.VARIABLE_SET;
    }

    @Override
    public Outcome execute(ActionContext context) {
        ControlOptions.VariableSet option = context.option(ControlOptions.VariableSet.class);
        context.setVariable(option.name(), option.value());
        return Outcome.NEXT;
    }
}
