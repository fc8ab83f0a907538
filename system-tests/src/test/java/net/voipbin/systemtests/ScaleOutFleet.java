package net.voipbin.systemtests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The inbound-call path with several instances of call-manager and of flow-manager ({@code call-manager-1},
 * {@code flow-manager-1}, ...), each a process on one schema per service and one namespace, as an operator
 * scales the fleet out.
 */
final class ScaleOutFleet implements CallFleet, AutoCloseable {

    private final SystemFleet fleet;
    private final int instances;

    private ScaleOutFleet(SystemFleet fleet, int instances) {
        this.fleet = fleet;
        this.instances = instances;
    }

    /**
     * An event a killed instance committed but never got confirmed is sent again by another instance's outbox once
     * it is this old (default 10 s): a call whose next step waited on such an event (a prompt's end) moves on only
     * then. The test holds calls in progress at the kill to 10 s, so the resend must come well within it.
     */
    private static final String RESEND_AFTER = "--voipbin.outbox.stale-after=3s";

    /** asterisk-sim, asterisk-proxy, then {@code instances} call-managers and flow-managers. */
    static ScaleOutFleet start(int instances, List<String> callManagerArgs) {
        List<String> callArgs = new ArrayList<>(List.of("--voipbin.call-manager.tts.engine=prompt", RESEND_AFTER));
        callArgs.addAll(callManagerArgs);
        SystemFleetBuilder builder = SystemFleet.builder().readyWithin(Duration.ofMinutes(4));
        // One pair at a time: the first of each runs the schema's migrations alone.
        for (int i = 1; i <= instances; i++) {
            builder.then().with("call-manager-" + i, "call-manager", callArgs)
                    .with("flow-manager-" + i, "flow-manager", List.of(RESEND_AFTER));
        }
        return new ScaleOutFleet(builder.start(), instances);
    }

    String eventExchange() {
        return fleet.eventExchange();
    }

    @Override
    public SimControl sim() {
        return fleet.sim();
    }

    /** The first instance's API: any instance serves it. */
    @Override
    public String callManager(String path) {
        return fleet.url("call-manager-1", path);
    }

    @Override
    public String flowManager(String path) {
        return fleet.url("flow-manager-1", path);
    }

    /** The API of an instance that still runs (after a kill, the first may not). */
    String liveCallManager(String path) {
        return fleet.url(live("call-manager"), path);
    }

    /** kill -9 of the first call-manager and the first flow-manager: no goodbye to the broker or the database. */
    void killFirstInstances() {
        fleet.kill("call-manager-1");
        fleet.kill("flow-manager-1");
    }

    private String live(String module) {
        return IntStream.rangeClosed(1, instances).mapToObj(i -> module + "-" + i)
                .filter(name -> fleet.process(name).isAlive()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + module + " alive"));
    }

    @Override
    public String tokenFor(UUID customerId) {
        return fleet.tokenFor(customerId);
    }

    @Override
    public void close() {
        fleet.close();
    }
}
