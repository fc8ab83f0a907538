package net.voipbin.asteriskproxy.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The proxy's counters: ARI events in (frames received) and out (confirmed by the broker), frames that
 * were not JSON, WebSocket reconnects, and ARI REST calls by status ({@code 503} = ARI unreachable).
 */
public final class ProxyMetrics {

    private final MeterRegistry registry;
    private final Counter eventsIn;
    private final Counter eventsOut;
    private final Counter invalidFrames;
    private final Counter reconnects;

    public ProxyMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.eventsIn = Counter.builder("asterisk.proxy.events.in").description("ARI events received").register(registry);
        this.eventsOut = Counter.builder("asterisk.proxy.events.out").description("events confirmed by the broker").register(registry);
        this.invalidFrames = Counter.builder("asterisk.proxy.frames.invalid").description("non-JSON frames skipped").register(registry);
        this.reconnects = Counter.builder("asterisk.proxy.reconnects").description("ARI WebSocket reconnects").register(registry);
    }

    public void eventIn() {
        eventsIn.increment();
    }

    public void eventsOut(int count) {
        eventsOut.increment(count);
    }

    public void invalidFrame() {
        invalidFrames.increment();
    }

    public void reconnect() {
        reconnects.increment();
    }

    public void restCall(int status) {
        registry.counter("asterisk.proxy.rest.calls", "status", Integer.toString(status)).increment();
    }

    public double invalidFrames() {
        return invalidFrames.count();
    }

    public double reconnects() {
        return reconnects.count();
    }
}
