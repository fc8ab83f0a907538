package net.voipbin.flowmanager.executor;

import org.springframework.stereotype.Component;

import net.voipbin.contract.callmanager.CallRequests;
import net.voipbin.flowmanager.action.ActionType;
import net.voipbin.flowmanager.action.MediaOptions;
import net.voipbin.flowmanager.call.CallCommands;
import net.voipbin.flowmanager.engine.ActionContext;
import net.voipbin.flowmanager.engine.ActionExecutor;
import net.voipbin.flowmanager.engine.Outcome;

/** Sends DTMF towards the far end and goes on. */
@Component
class DigitsSendExecutor implements ActionExecutor {

    private final CallCommands calls;

    DigitsSendExecutor(CallCommands calls) {
        this.calls = calls;
    }

    @Override
    public ActionType type() {
        return ActionType.DIGITS_SEND;
    }

    @Override
    public Outcome execute(ActionContext context) {
        MediaOptions.DigitsSend option = context.option(MediaOptions.DigitsSend.class);
        calls.digitsSend(CallOf.require(context), new CallRequests.DigitsSend(option.digits()));
        return Outcome.NEXT;
    }
}
