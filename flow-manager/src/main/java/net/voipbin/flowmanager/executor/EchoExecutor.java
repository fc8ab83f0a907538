package net.voipbin.flowmanager.executor;

import java.time.Duration;

import org.springframework.stereotype.Component;

import net.voipbin.flowmanager.action.ActionType;
import net.voipbin.flowmanager.action.MediaOptions;
import net.voipbin.flowmanager.call.CallCommands;
import net.voipbin.flowmanager.engine.ActionContext;
import net.voipbin.flowmanager.engine.ActionExecutor;
import net.voipbin.flowmanager.engine.Outcome;
import net.voipbin.flowmanager.engine.Wait;

/** Echoes the caller's audio; the flow waits out the duration, then goes on. */
@Component
class EchoExecutor implements ActionExecutor {

    private final CallCommands calls;

    EchoExecutor(CallCommands calls) {
        this.calls = calls;
    }

    @Override
    public ActionType type() {
        return ActionType.ECHO;
    }

    @Override
    public Outcome execute(ActionContext context) {
        MediaOptions.Echo option = context.option(MediaOptions.Echo.class);
        int durationMs = option.durationMs() == null ? 10_000 : option.durationMs();
        calls.echo(CallOf.require(context), durationMs);
        return Outcome.await(Wait.timer(context.now().plus(Duration.ofMillis(durationMs))));
    }
}
