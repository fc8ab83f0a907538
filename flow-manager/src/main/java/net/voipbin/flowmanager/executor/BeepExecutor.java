package net.voipbin.flowmanager.executor;

import java.util.List;

import org.springframework.stereotype.Component;

import net.voipbin.contract.callmanager.CallRequests;
import net.voipbin.flowmanager.action.ActionType;
import net.voipbin.flowmanager.call.CallCommands;
import net.voipbin.flowmanager.engine.ActionContext;
import net.voipbin.flowmanager.engine.ActionExecutor;
import net.voipbin.flowmanager.engine.Outcome;
import net.voipbin.flowmanager.engine.Signal;
import net.voipbin.flowmanager.engine.Wait;

/** A beep is Asterisk's {@code sound:beep} prompt, played once and awaited like any playback. */
@Component
class BeepExecutor implements ActionExecutor {

    static final String BEEP = "sound:beep";

    private final CallCommands calls;

    BeepExecutor(CallCommands calls) {
        this.calls = calls;
    }

    @Override
    public ActionType type() {
        return ActionType.BEEP;
    }

    @Override
    public Outcome execute(ActionContext context) {
        String operationId = context.newOperationId();
        calls.play(CallOf.require(context), new CallRequests.Play(List.of(BEEP), 1, operationId));
        return Outcome.await(Wait.operation(operationId));
    }

    @Override
    public Outcome resume(ActionContext context, Signal signal) {
        return MediaOperations.finished(context, signal);
    }
}
