package net.voipbin.contract.queuemanager;

/**
 * A queuecall's life: {@code initiating} (accepted, the caller not waiting yet) → {@code waiting} ↔
 * {@code offering} (agents ringing; a missed offer goes back to waiting, keeping the caller's place) →
 * {@code connected} (an agent answered and is bridged with the caller) → {@code done}. A caller who hangs up
 * before being connected is {@code abandoned}; one whose wait ran out (or who found the queue full) is
 * {@code timeout}; one the customer took out of the line ({@code DELETE /v1.0/queuecalls/<id>}) is {@code kicked}
 * and goes on with its flow. The last four are final.
 */
public enum QueuecallStatus {
    INITIATING, WAITING, OFFERING, CONNECTED, DONE, ABANDONED, TIMEOUT, KICKED;

    public boolean isFinal() {
        return this == DONE || this == ABANDONED || this == TIMEOUT || this == KICKED;
    }
}
