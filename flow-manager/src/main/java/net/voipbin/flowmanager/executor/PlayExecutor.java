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

/** Plays media; done when call-manager reports the playback finished (whatever its result). */
@Component
class PlayExecutor implements ActionExecutor {

    private final CallCommands calls;

    PlayExecutor(CallCommands calls) {
        this.calls = calls;
    }

    @Override
    public ActionType type() {
        return ActionType.PLAY;
    }

    @Override
    public Outcome execute(ActionContext context) {
        MediaOptions.Play option = context.option(MediaOptions.Play.class);
        String operationId = context.newOperationId();
        calls.play(CallOf.require(context), new CallRequests.Play(option.media(), option.loop(), operationId,
                BargeIn.of(option.bargeIn(), context)));
        return Outcome.await(Wait.operation(operationId));
    }

    @Override
    public Outcome resume(ActionContext context, Signal signal) {
        return MediaOperations.finished(context, signal);
    }
}
