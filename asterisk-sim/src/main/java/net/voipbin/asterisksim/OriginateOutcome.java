package net.voipbin.asterisksim;

/**
 * What the far end does with an originated call: the Dial status and hangup cause Asterisk reports.
 */
public enum OriginateOutcome {
    ANSWERED("ANSWER", 16),
    BUSY("BUSY", 17),
    NO_ANSWER("NOANSWER", 19),
    FAILED("CHANUNAVAIL", 38);

    private final String dialStatus;
    private final int cause;

    OriginateOutcome(String dialStatus, int cause) {
        this.dialStatus = dialStatus;
        this.cause = cause;
    }

    public String dialStatus() {
        return dialStatus;
    }

    public int cause() {
        return cause;
    }
}
