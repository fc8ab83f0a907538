package net.voipbin.flowmanager.executor;

import org.springframework.stereotype.Component;

import net.voipbin.flowmanager.action.ActionType;
import net.voipbin.flowmanager.call.CallCommands;
import net.voipbin.flowmanager.engine.ActionContext;
import net.voipbin.flowmanager.engine.ActionExecutor;
import net.voipbin.flowmanager.engine.Outcome;

/** Stops the call's recording. */
@Component
class RecordingStopExecutor implements ActionExecutor {

    private final CallCommands calls;

    RecordingStopExecutor(CallCommands calls) {
        this.calls = calls;
    }

    @Override
    public ActionType type() {
        return ActionType.RECORDING_STOP;
    }

    @Override
    public Outcome execute(ActionContext context) {
        calls.recordStop(CallOf.require(context));
        return Outcome.NEXT;
    }
}
