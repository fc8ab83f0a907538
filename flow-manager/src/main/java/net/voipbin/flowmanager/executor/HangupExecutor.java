package net.voipbin.flowmanager.executor;

import org.springframework.stereotype.Component;

import net.voipbin.contract.callmanager.Call;
import net.voipbin.flowmanager.action.ActionType;
import net.voipbin.flowmanager.action.MediaOptions;
import net.voipbin.flowmanager.call.CallCommands;
import net.voipbin.flowmanager.engine.ActionContext;
import net.voipbin.flowmanager.engine.ActionExecutor;
import net.voipbin.flowmanager.engine.Outcome;

/** Hangs the call up; the flow ends with it. */
@Component
class HangupExecutor implements ActionExecutor {

    private final CallCommands calls;

    HangupExecutor(CallCommands calls) {
        this.calls = calls;
    }

    @Override
    public ActionType type() {
        return ActionType.HANGUP;
    }

    @Override
    public Outcome execute(ActionContext context) {
        MediaOptions.Hangup option = context.option(MediaOptions.Hangup.class);
        calls.hangup(CallOf.require(context), option.reason() == null ? Call.HangupReason.NORMAL : option.reason());
        return Outcome.END;
    }
}
