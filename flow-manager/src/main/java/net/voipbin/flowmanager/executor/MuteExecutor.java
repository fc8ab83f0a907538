package net.voipbin.flowmanager.executor;

import org.springframework.stereotype.Component;

import net.voipbin.flowmanager.action.ActionType;
import net.voipbin.flowmanager.action.MediaOptions;
import net.voipbin.flowmanager.call.CallCommands;
import net.voipbin.flowmanager.engine.ActionContext;
import net.voipbin.flowmanager.engine.ActionExecutor;
import net.voipbin.flowmanager.engine.Outcome;

/** Mutes the call (in, out or both). */
@Component
class MuteExecutor implements ActionExecutor {

    private final CallCommands calls;

    MuteExecutor(CallCommands calls) {
        this.calls = calls;
    }

    @Override
    public ActionType type() {
        return ActionType.MUTE;
    }

    @Override
    public Outcome execute(ActionContext context) {
        MediaOptions.Mute option = context.option(MediaOptions.Mute.class);
        calls.mute(CallOf.require(context), option.direction() == null ? "both" : option.direction());
        return Outcome.NEXT;
    }
}
