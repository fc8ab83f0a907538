package net.voipbin.asteriskproxy.ari;

import java.time.Instant;

/** Where the ARI WebSocket stands, for the health indicator. Written by the stream's thread only. */
public final class AriConnectionState {

    public enum Status { CONNECTING, CONNECTED, DISCONNECTED }

    private volatile Status status = Status.CONNECTING;
    private volatile Instant since = Instant.now();
    private volatile String lastError = "";

    void set(Status newStatus, String error) {
        status = newStatus;
        since = Instant.now();
        if (error != null) {
            lastError = error;
        }
    }

    public Status status() {
        return status;
    }

    public Instant since() {
        return since;
    }

    public String lastError() {
        return lastError;
    }
}
