package net.voipbin.flowmanager.executor;

import org.springframework.stereotype.Component;

import net.voipbin.contract.callmanager.CallRequests;
import net.voipbin.flowmanager.action.ActionType;
import net.voipbin.flowmanager.action.MediaOptions;
import net.voipbin.flowmanager.call.CallCommands;
import net.voipbin.flowmanager.engine.ActionContext;
import net.voipbin.flowmanager.engine.ActionExecutor;
import net.voipbin.flowmanager.engine.Outcome;

/** Starts recording the call and goes on while it records. */
@Component
class RecordingStartExecutor implements ActionExecutor {

    private final CallCommands calls;

    RecordingStartExecutor(CallCommands calls) {
        this.calls = calls;
    }

    @Override
    public ActionType type() {
        return ActionType.RECORDING_START;
    }

    @Override
    public Outcome execute(ActionContext context) {
        MediaOptions.RecordingStart option = context.option(MediaOptions.RecordingStart.class);
        String format = option.format() == null ? "wav" : option.format();
        calls.recordStart(CallOf.require(context), new CallRequests.RecordStart(format, option.maxDurationSeconds(),
                context.newOperationId()));
        return Outcome.NEXT;
    }
}
