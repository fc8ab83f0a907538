package net.voipbin.callmanager.call;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import net.voipbin.contract.callmanager.CallStatus;

/**
 * The allowed moves of a call's status. dialing → ringing → progressing → terminating → hangup; before
 * answer a local hangup goes through canceling; the far end can end the call from any live status.
 */
public final class CallTransitions {

    private static final Map<CallStatus, Set<CallStatus>> ALLOWED = Map.of(
            CallStatus.DIALING, EnumSet.of(CallStatus.RINGING, CallStatus.PROGRESSING, CallStatus.CANCELING,
                    CallStatus.HANGUP),
            CallStatus.RINGING, EnumSet.of(CallStatus.PROGRESSING, CallStatus.CANCELING, CallStatus.HANGUP),
            CallStatus.PROGRESSING, EnumSet.of(CallStatus.TERMINATING, CallStatus.HANGUP),
            CallStatus.TERMINATING, EnumSet.of(CallStatus.HANGUP),
            CallStatus.CANCELING, EnumSet.of(CallStatus.HANGUP),
            CallStatus.HANGUP, EnumSet.noneOf(CallStatus.class));

    private CallTransitions() {
    }

    public static boolean allowed(CallStatus from, CallStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    static void require(CallStatus from, CallStatus to) {
        if (!allowed(from, to)) {
            throw new IllegalCallTransition(from, to);
        }
    }

    /** A move the call's status does not allow: an error, never a silent overwrite. */
    public static final class IllegalCallTransition extends IllegalStateException {

        IllegalCallTransition(CallStatus from, CallStatus to) {
            super("call cannot go from " + from.name().toLowerCase() + " to " + to.name().toLowerCase());
        }
    }
}
