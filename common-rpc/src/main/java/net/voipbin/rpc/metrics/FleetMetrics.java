package net.voipbin.rpc.metrics;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * The meters every service shares, under names a dashboard can rely on (Prometheus adds the unit suffix):
 * <ul>
 * <li>{@code voipbin_rpc_server_requests_seconds{method, route, status}}: RPC requests served;</li>
 * <li>{@code voipbin_rpc_client_requests_seconds{queue, method, route, outcome}}: RPC requests sent,
 *     outcome the status code or {@code timeout};</li>
 * <li>{@code voipbin_events_handled_seconds{publisher, type, outcome}}: events consumed, outcome
 *     {@code ok}, {@code retried} or {@code parked};</li>
 * <li>{@code voipbin_events_parked_total{queue, reason}}: messages set aside in a dead queue, reason
 *     {@code failed}, {@code oversize} or {@code unparsable}.</li>
 * </ul>
 * Queue depths are {@link QueueDepths}'; each service adds its own gauges (live calls, activeflows, ...).
 */
public final class FleetMetrics {

    private static final FleetMetrics NONE = new FleetMetrics(new CompositeMeterRegistry());

    private final MeterRegistry registry;

    public FleetMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Meters that go nowhere: for parts built outside a Spring context (tests, tools). */
    public static FleetMetrics none() {
        return NONE;
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void rpcServed(String method, String uri, int status, long nanos) {
        Timer.builder("voipbin.rpc.server.requests").description("RPC requests this service answered")
                .tag("method", String.valueOf(method)).tag("route", RouteName.of(uri))
                .tag("status", Integer.toString(status)).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    public void rpcSent(String queue, String method, String uri, String outcome, long nanos) {
        Timer.builder("voipbin.rpc.client.requests").description("RPC requests this service sent")
                .tag("queue", queue).tag("method", String.valueOf(method)).tag("route", RouteName.of(uri))
                .tag("outcome", outcome).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    public void eventHandled(String publisher, String type, String outcome, long nanos) {
        Timer.builder("voipbin.events.handled").description("events this service consumed")
                .tag("publisher", String.valueOf(publisher)).tag("type", String.valueOf(type)).tag("outcome", outcome)
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    public void parked(String queue, String reason) {
        Counter.builder("voipbin.events.parked").description("messages this service set aside in a dead queue")
                .tag("queue", queue).tag("reason", reason).register(registry).increment();
    }
}
