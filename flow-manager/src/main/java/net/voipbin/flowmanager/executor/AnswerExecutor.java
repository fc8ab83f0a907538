package net.voipbin.flowmanager.executor;

import java.util.UUID;

import org.springframework.stereotype.Component;

import net.voipbin.contract.callmanager.CallStatus;
import net.voipbin.flowmanager.action.ActionType;
import net.voipbin.flowmanager.call.CallCommands;
import net.voipbin.flowmanager.engine.ActionContext;
import net.voipbin.flowmanager.engine.ActionExecutor;
import net.voipbin.flowmanager.engine.Outcome;
import net.voipbin.flowmanager.engine.Wait;

/** Answers the call; if call-manager reports it not yet up, waits for {@code call_answered}. */
@Component
class AnswerExecutor implements ActionExecutor {

    private final CallCommands calls;

    AnswerExecutor(CallCommands calls) {
        this.calls = calls;
    }

    @Override
    public ActionType type() {
        return ActionType.ANSWER;
    }

    /** Answering an answered call changes nothing, so waiting for the answer is not worth a write. */
    @Override
    public boolean redoable() {
        return true;
    }

    @Override
    public Outcome execute(ActionContext context) {
        UUID callId = CallOf.require(context);
        CallStatus status = calls.answer(callId);
        return status == CallStatus.PROGRESSING ? Outcome.NEXT : Outcome.await(Wait.answer(callId));
    }
}
