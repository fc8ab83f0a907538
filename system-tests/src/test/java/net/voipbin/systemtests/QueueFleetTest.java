package net.voipbin.systemtests;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import net.voipbin.testsupport.TestInfra;

/**
 * The queue tests' fleet, one per test class: the inbound-call path plus agent-manager and queue-manager (short
 * deadline sweeps), the bus recorded, and a customer of its own per test. Agents are simulator endpoints (tel
 * numbers) whose originate plan answers, rejects or never answers.
 */
abstract class QueueFleetTest {

    protected static final Duration WAIT = Duration.ofSeconds(60);

    protected static SystemFleet fleet;
    protected static BusRecorder bus;

    protected final UUID customer = UUID.randomUUID();
    protected final QueueApi api = new QueueApi(fleet, bus, customer);
    protected final String token = api.token();

    @BeforeAll
    static void startFleet() {
        fleet = SystemFleet.builder().asteriskId("asterisk-queue").callPath()
                .with("agent-manager", List.of("--voipbin.agent-manager.deadline-sweep=200ms"))
                .with("queue-manager", List.of("--voipbin.queue-manager.deadline-sweep=200ms")).start();
        bus = new BusRecorder(TestInfra.rabbit().connectionFactory(), fleet.eventExchange());
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
