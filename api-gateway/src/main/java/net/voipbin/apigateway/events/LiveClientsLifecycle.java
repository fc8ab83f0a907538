package net.voipbin.apigateway.events;

import org.springframework.context.SmartLifecycle;

/**
 * Ends every live client when the gateway stops, before the web server's graceful shutdown, which
 * would otherwise wait its whole timeout for streams that never end by themselves. Clients are told
 * why (WebSocket 1001, an SSE {@code close} event) and reconnect to another instance.
 */
final class LiveClientsLifecycle implements SmartLifecycle {

    /** Stops before the graceful shutdown of the web server ({@code DEFAULT_PHASE - 1024}). */
    private static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

    static final String SHUTTING_DOWN = "gateway shutting down";

    private final EventHub hub;
    private volatile boolean running;

    LiveClientsLifecycle(EventHub hub) {
        this.hub = hub;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        hub.closeAll(SHUTTING_DOWN);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
