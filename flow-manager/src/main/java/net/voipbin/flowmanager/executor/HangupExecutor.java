package net.voipbin.flowmanager.executor;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import net.voipbin.contract.callmanager.Call;
import net.voipbin.flowmanager.action.ActionType;
import net.voipbin.flowmanager.action.MediaOptions;
import net.voipbin.flowmanager.call.CallCommands;
import net.voipbin.flowmanager.engine.ActionContext;
import net.voipbin.flowmanager.engine.ActionExecutor;
import net.voipbin.flowmanager.engine.Outcome;
import net.voipbin.flowmanager.engine.Signal;
import net.voipbin.flowmanager.engine.Wait;

/**
 * Hangs the call up; the flow ends when call-manager reports the call gone ({@code call_hungup}), so
 * on the bus {@code activeflow_deleted} follows {@code call_hungup}. Should that event not come, the flow
 * ends anyway after {@link #CONFIRM_TIMEOUT}.
 */
@Component
class HangupExecutor implements ActionExecutor {

    static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(10);

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
        UUID callId = CallOf.require(context);
        calls.hangup(callId, option.reason() == null ? Call.HangupReason.NORMAL : option.reason());
        Wait gone = Wait.timer(context.now().plus(CONFIRM_TIMEOUT));
        return Outcome.await(new Wait(Wait.Kind.TIMER, List.of(gone.keys().getFirst(), Signal.hangupKey(callId)),
                gone.until()));
    }

    @Override
    public Outcome resume(ActionContext context, Signal signal) {
        return Outcome.END;
    }
}
