package net.voipbin.flowmanager.executor;


import org.springframework.stereotype.Component;

import net.voipbin.flowmanager.action.ActionType;
import net.voipbin.flowmanager.engine.ActionContext;
import net.voipbin.flowmanager.engine.ActionExecutor;
import net.voipbin.flowmanager.engine.Outcome;

/** Ends the flow here, leaving the call as it is. */
@Component
class StopExecutor implements ActionExecutor {

    @Override
    public ActionType type() {
        return ActionType.STOP;
    }

    @Override
    public Outcome execute(ActionContext context) {
        return Outcome.END;
    }
}
