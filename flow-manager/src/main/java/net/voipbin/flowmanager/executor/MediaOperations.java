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
 * {@link #HANGUP_GRACE} for that hangup, then goes on. A playback that {@code failed} (a prompt Asterisk
 * does not have, a talk without a speech engine) also fails when a channel goes away, so it gets the same
 * grace; if the call is still there after it, the caller heard nothing, and the action fails: the flow
 * takes its error path instead of going on as if it had spoken.
 */
final class MediaOperations {

    static final Duration HANGUP_GRACE = Duration.ofSeconds(2);
    /** The first key of the grace that follows a failed playback: its timer firing fails the action. */
    private static final String FAILED_GRACE = "timer:failed-playback:";

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
            return graceFor(context, Wait.timer(context.now()).keys().getFirst());
        }
        if (failed(signal)) {
            return graceFor(context, FAILED_GRACE + UUID.randomUUID());
        }
        if (signal instanceof Signal.TimerFired fired && fired.key().startsWith(FAILED_GRACE)) {
            return Outcome.fail(context.action().type() + " (action '" + context.action().id()
                    + "') failed: the media could not be played");
        }
        return Outcome.NEXT;
    }

    private static boolean failed(Signal signal) {
        return signal instanceof Signal.OperationFinished finished
                && finished.event().result() == CallOperationFinished.Result.FAILED;
    }

    /** Waits {@link #HANGUP_GRACE} for the call's hangup; the timer's key says what its firing means. */
    private static Outcome graceFor(ActionContext context, String timerKey) {
        UUID callId = CallOf.require(context);
        return Outcome.await(new Wait(Wait.Kind.TIMER, List.of(timerKey, Signal.hangupKey(callId)),
                context.now().plus(HANGUP_GRACE)));
    }
}
