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
import net.voipbin.flowmanager.engine.Wait;

/** Text to speech; done when call-manager reports it finished. */
@Component
class TalkExecutor implements ActionExecutor {

    private final CallCommands calls;

    TalkExecutor(CallCommands calls) {
        this.calls = calls;
    }

    @Override
    public ActionType type() {
        return ActionType.TALK;
    }

    @Override
    public Outcome execute(ActionContext context) {
        MediaOptions.Talk option = context.option(MediaOptions.Talk.class);
        String operationId = context.newOperationId();
        String language = option.language() == null ? "en-US" : option.language();
        calls.talk(CallOf.require(context), new CallRequests.Talk(option.text(), language, operationId,
                BargeIn.of(option.bargeIn(), context)));
        return Outcome.await(Wait.operation(operationId));
    }

    @Override
    public Outcome resume(ActionContext context, Signal signal) {
        return MediaOperations.finished(context, signal);
    }
}
