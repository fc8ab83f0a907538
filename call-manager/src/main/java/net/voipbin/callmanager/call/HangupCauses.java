package net.voipbin.callmanager.call;

import java.util.Set;

import net.voipbin.contract.callmanager.Call.HangupReason;

/**
 * Q.850 cause (as Asterisk reports it in {@code ChannelHangupRequest}/{@code ChannelDestroyed}) → the
 * call's {@code hangup_reason}, with VoIPBIN's meanings: {@code normal} ended after answer, {@code busy}
 * the far end was busy or declined, {@code noanswer} it rang out, {@code cancel} the originating side gave
 * up before answer, {@code failed} the call never reached the far end, {@code dialout} our own dial
 * timeout fired (set by call-manager, never derived from a cause).
 */
public final class HangupCauses {

    public static final int NORMAL_CLEARING = 16;
    public static final int USER_BUSY = 17;
    public static final int NO_USER_RESPONSE = 18;
    public static final int NO_ANSWER = 19;
    public static final int CALL_REJECTED = 21;
    public static final int NORMAL_UNSPECIFIED = 31;

    /** Causes of the "normal event" class that still mean "the far end did not take the call". */
    private static final Set<Integer> NORMAL_CLASS = Set.of(NORMAL_CLEARING, NORMAL_UNSPECIFIED, 0);

    private HangupCauses() {
    }

    /**
     * @param cause    the Q.850 cause
     * @param answered whether the call was ever answered (progressing)
     */
    public static HangupReason reason(int cause, boolean answered) {
        if (answered) {
            return HangupReason.NORMAL;
        }
        return switch (cause) {
            case USER_BUSY, CALL_REJECTED -> HangupReason.BUSY;
            case NO_USER_RESPONSE, NO_ANSWER -> HangupReason.NOANSWER;
            default -> NORMAL_CLASS.contains(cause) ? HangupReason.CANCEL : HangupReason.FAILED;
        };
    }

    /** The ARI {@code reason} word for a hangup we request. */
    public static String ariReason(HangupReason reason) {
        return switch (reason) {
            case BUSY -> "busy";
            case NOANSWER -> "no_answer";
            case FAILED -> "failure";
            default -> "normal";
        };
    }
}
