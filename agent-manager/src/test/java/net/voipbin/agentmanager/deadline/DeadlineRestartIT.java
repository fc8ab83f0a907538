package net.voipbin.agentmanager.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import net.voipbin.agentmanager.EventRecorder;
import net.voipbin.agentmanager.Instances;
import net.voipbin.contract.agentmanager.Agent;
import net.voipbin.contract.agentmanager.AgentManagerClient;
import net.voipbin.contract.agentmanager.AgentManagerEvents;
import net.voipbin.contract.agentmanager.AgentReserve;
import net.voipbin.contract.agentmanager.AgentStatus;
import net.voipbin.contract.agentmanager.AgentStatusReason;
import net.voipbin.contract.agentmanager.OfferRequests;
import net.voipbin.contract.agentmanager.Reservation;
import net.voipbin.contract.agentmanager.ReservationStrategy;
import net.voipbin.rpc.auth.JwtTokens;
import net.voipbin.rpc.json.Json;
import net.voipbin.testsupport.Http;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.json.JsonMapper;

/**
 * The instance that started a wrap-up and a ring timeout stops before either is due; the next instance to start
 * ends both, on time for a deadline kept in the database, and announces it.
 */
class DeadlineRestartIT {

    private final String schema = TestInfra.uniqueSchema("agent-manager");
    private final String namespace = TestInfra.uniqueNamespace();
    private final UUID customer = UUID.randomUUID();
    private final String token = JwtTokens.mint(TestInfra.JWT_SECRET, customer, Duration.ofHours(1));
    private final JsonMapper json = Json.newMapper();

    @Test
    void wrapUpAndRingTimeoutEndAfterARestartOfTheService() throws Exception {
        ConfigurableApplicationContext before = Instances.start(schema, namespace);
        UUID wrapping;
        UUID ringing;
        Instant due;
        try (EventRecorder events = new EventRecorder(Instances.eventExchange(before), json)) {
            AgentManagerClient agents = Instances.client(before);
            wrapping = createAvailable(before, "wrapping");
            Reservation call = agents.reserve(new AgentReserve(customer, null, null, ReservationStrategy.LINEAR,
                    List.of(), List.of(), List.of(wrapping), null, null, null));
            agents.answered(wrapping, new OfferRequests.Answered(customer, call.id()));
            Agent wrapUp = agents.ended(wrapping, new OfferRequests.Ended(customer, call.id(), 5));
            ringing = createAvailable(before, "ringing");
            Agent rung = agents.reserve(new AgentReserve(customer, null, null, ReservationStrategy.LINEAR, List.of(),
                    List.of(), List.of(ringing), null, 5, null)).agents().getFirst();
            assertThat(rung.id()).isEqualTo(ringing);
            due = wrapUp.statusUntil().isAfter(rung.statusUntil()) ? wrapUp.statusUntil() : rung.statusUntil();
            before.close();

            assertThat(Instant.now()).as("stopped before the deadlines").isBefore(due);
            await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(due));
            ConfigurableApplicationContext after = Instances.start(schema, namespace);
            try {
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    assertThat(read(after, wrapping).status()).isEqualTo(AgentStatus.AVAILABLE);
                    assertThat(read(after, ringing).status()).isEqualTo(AgentStatus.AVAILABLE);
                });
                assertThat(read(after, wrapping).statusReason()).isEqualTo(AgentStatusReason.WRAP_UP_DONE);
                assertThat(read(after, ringing).statusReason()).isEqualTo(AgentStatusReason.RING_TIMEOUT);
                assertThat(read(after, ringing).stats().missed()).isEqualTo(1);
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    assertThat(events.of(AgentManagerEvents.AGENT_STATUS_UPDATED, wrapping)).last()
                            .extracting(Agent::statusReason).isEqualTo(AgentStatusReason.WRAP_UP_DONE);
                    assertThat(events.of(AgentManagerEvents.AGENT_STATUS_UPDATED, ringing)).last()
                            .extracting(Agent::statusReason).isEqualTo(AgentStatusReason.RING_TIMEOUT);
                });
            } finally {
                after.close();
            }
        }
    }

    private UUID createAvailable(ConfigurableApplicationContext instance, String name) {
        Http.Response created = Http.post(Instances.api(instance, "/agents"), token, "{\"name\":\"" + name
                + "\",\"addresses\":[{\"type\":\"extension\",\"target\":\"" + name + "\"}]}");
        assertThat(created.status()).isEqualTo(201);
        UUID id = json.readValue(created.body(), Agent.class).id();
        assertThat(Http.put(Instances.api(instance, "/agents/" + id + "/status"), token, "{\"status\":\"available\"}")
                .status()).isEqualTo(200);
        return id;
    }

    private Agent read(ConfigurableApplicationContext instance, UUID agent) {
        return json.readValue(Http.get(Instances.api(instance, "/agents/" + agent), token).body(), Agent.class);
    }
}
