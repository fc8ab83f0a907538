package net.voipbin.systemtests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The inbound call on real processes: asterisk-sim, asterisk-proxy, call-manager and flow-manager from
 * their packaged jars, on the machine's RabbitMQ and PostgreSQL.
 */
class InboundCallIT extends InboundCallScenarios {

    private static SystemFleet fleet;
    private static BusRecorder bus;

    InboundCallIT() {
        super(fleet, bus);
    }

    @BeforeAll
    static void startFleet() {
        fleet = SystemFleet.builder().callPath().start();
        bus = new BusRecorder(net.voipbin.testsupport.TestInfra.rabbit().connectionFactory(), fleet.eventExchange());
    }

    @AfterAll
    static void stopFleet() {
        if (bus != null) {
            bus.close();
        }
        if (fleet != null) {
            fleet.close();
        }
    }
}
