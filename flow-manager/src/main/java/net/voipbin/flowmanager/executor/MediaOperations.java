package net.voipbin.flowmanager.executor;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import net.voipbin.contract.callmanager.CallOperationFinished;
import net.voipbin.flowmanager.engine.ActionContext;
import net.voipbin.flowmanager.engine.Outcome;
import net.voipbin.flowmanager.engine.Signal;
import net.voipbin.flowmanager.engine.Wait;

/**
 * How a long media operation (play, talk, digits_receive, beep) ends. A playback cut short
 * ({@code stopped}) usually means the caller is hanging up, and call-manager's {@code call_hungup} may be
 * handled just after it: rather than send the next command to a call that is going away, the flow waits
 * {@link #HANGUP_GRACE} for that hangup, then goes on.
 */
final class MediaOperations {

    static final Duration HANGUP_GRACE = Duration.ofSeconds(2);

    private MediaOperations() {
    }

    static boolean stopped(Signal signal) {
        return signal instanceof Signal.OperationFinished finished
                && finished.event().result() == CallOperationFinished.Result.STOPPED;
    }

    static Outcome finished(ActionContext context, Signal signal) {
        if (signal instanceof Signal.CallHungup) {
            return Outcome.END;
        }
        if (stopped(signal)) {
            UUID callId = CallOf.require(context);
            Wait grace = Wait.timer(context.now().plus(HANGUP_GRACE));
            return Outcome.await(new Wait(Wait.Kind.TIMER, List.of(grace.keys().getFirst(), Signal.hangupKey(callId)),
                    grace.until()));
        }
        return Outcome.NEXT;
    }
}
