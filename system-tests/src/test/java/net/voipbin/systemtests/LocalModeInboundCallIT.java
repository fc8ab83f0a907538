package net.voipbin.systemtests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The same inbound call against local mode's own parts: every service in one JVM, Qpid Broker-J (RPC
 * replies on a queue per client, no direct reply-to) and the embedded PostgreSQL, not the machine's
 * RabbitMQ and PostgreSQL.
 */
class LocalModeInboundCallIT extends InboundCallScenarios {

    private static LocalModeFleet fleet;
    private static BusRecorder bus;

    LocalModeInboundCallIT() {
        super(fleet, bus);
    }

    @BeforeAll
    static void startLocalMode() {
        fleet = LocalModeFleet.start("inbound-call");
        bus = new BusRecorder(fleet.broker(), "bin-manager.event");
    }

    @AfterAll
    static void stopLocalMode() {
        if (bus != null) {
            bus.close();
        }
        if (fleet != null) {
            fleet.close();
        }
    }
}
