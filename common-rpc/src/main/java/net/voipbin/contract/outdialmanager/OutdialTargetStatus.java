package net.voipbin.contract.outdialmanager;

/**
 * A target's life: idle (waiting for its next try) → progressing (claimed by a dialer) → idle again
 * (retry) or done, failed (given up, or every destination used its tries) or dnc (on the customer's
 * do-not-call list). done, failed and dnc are final.
 */
public enum OutdialTargetStatus {
    IDLE, PROGRESSING, DONE, FAILED, DNC;

    public boolean isFinal() {
        return this == DONE || this == FAILED || this == DNC;
    }
}
