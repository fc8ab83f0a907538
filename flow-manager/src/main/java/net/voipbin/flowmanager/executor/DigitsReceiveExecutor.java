package net.voipbin.flowmanager.executor;

import org.springframework.stereotype.Component;

import net.voipbin.contract.callmanager.CallRequests;
import net.voipbin.flowmanager.action.ActionType;
import net.voipbin.flowmanager.action.MediaOptions;
import net.voipbin.flowmanager.call.CallCommands;
import net.voipbin.flowmanager.engine.ActionContext;
import net.voipbin.flowmanager.engine.ActionExecutor;
import net.voipbin.flowmanager.engine.Outcome;
import net.voipbin.flowmanager.engine.Signal;
import net.voipbin.flowmanager.engine.Variables;
import net.voipbin.flowmanager.engine.Wait;

/** Collects digits; whatever arrived (possibly nothing, on timeout) lands in {@code voipbin.call.digits}. */
@Component
class DigitsReceiveExecutor implements ActionExecutor {

    private final CallCommands calls;

    DigitsReceiveExecutor(CallCommands calls) {
        this.calls = calls;
    }

    @Override
    public ActionType type() {
        return ActionType.DIGITS_RECEIVE;
    }

    @Override
    public Outcome execute(ActionContext context) {
        MediaOptions.DigitsReceive option = context.option(MediaOptions.DigitsReceive.class);
        String operationId = context.newOperationId();
        String terminator = option.terminator() == null ? "" : option.terminator();
        calls.digitsReceive(CallOf.require(context), new CallRequests.DigitsReceive(option.timeoutOrDefault(),
                option.maxLengthOrDefault(), terminator, operationId));
        return Outcome.await(Wait.operation(operationId));
    }

    @Override
    public Outcome resume(ActionContext context, Signal signal) {
        if (signal instanceof Signal.OperationFinished finished && !MediaOperations.stopped(signal)) {
            String digits = finished.event().digits();
            context.setVariable(Variables.CALL_DIGITS, digits == null ? "" : digits);
        }
        return MediaOperations.finished(context, signal);
    }
}
