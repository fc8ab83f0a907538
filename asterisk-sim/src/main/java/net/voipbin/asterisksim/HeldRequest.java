package net.voipbin.asterisksim;

import java.util.concurrent.CompletableFuture;

/**
 * A REST request the simulator holds unanswered and unhandled until {@link #release()}: Asterisk slow at
 * one step, so a test can make something else happen meanwhile (a hangup during a transfer's completion).
 * From {@link AsteriskSim#holdNext(String, String)}; holds one request, the first that matches.
 */
public final class HeldRequest {

    private final String method;
    private final String pathPart;
    private final CompletableFuture<Void> arrived = new CompletableFuture<>();
    private final CompletableFuture<Void> released = new CompletableFuture<>();

    HeldRequest(String method, String pathPart) {
        this.method = method;
        this.pathPart = pathPart;
    }

    boolean matches(String requestMethod, String path) {
        return method.equalsIgnoreCase(requestMethod) && path.contains(pathPart);
    }

    /** Claimed by the request that matched: it waits for the release. */
    CompletableFuture<Void> hold() {
        arrived.complete(null);
        return released;
    }

    /** Whether the request has arrived (and is being held). */
    public boolean arrived() {
        return arrived.isDone();
    }

    /** Lets the request go on: it is handled and answered now. */
    public void release() {
        released.complete(null);
    }
}
