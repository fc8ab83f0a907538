package net.voipbin.agentmanager.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import net.voipbin.agentmanager.EventRecorder;
import net.voipbin.agentmanager.Instances;
import net.voipbin.contract.agentmanager.Agent;
import net.voipbin.contract.agentmanager.AgentManagerClient;
import net.voipbin.contract.agentmanager.AgentManagerEvents;
import net.voipbin.contract.agentmanager.AgentReserve;
import net.voipbin.contract.agentmanager.AgentStatus;
import net.voipbin.contract.agentmanager.Reservation;
import net.voipbin.contract.agentmanager.ReservationStrategy;
import net.voipbin.rpc.auth.JwtTokens;
import net.voipbin.rpc.json.Json;
import net.voipbin.testsupport.Http;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two agent-manager instances on one schema and one request queue, and reservers on both at once, all after the
 * same agents (longest_idle makes every reserver want the same first agent; ring_all takes several at a time):
 * no agent is ever reserved twice, and every agent is reserved once when the reservers run out of agents.
 */
class ConcurrentReservationIT {

    private static final int AGENTS = 60;
    private static final int RESERVERS_PER_INSTANCE = 4;

    private static final String SCHEMA = TestInfra.uniqueSchema("agent-manager");
    private static final String NAMESPACE = TestInfra.uniqueNamespace();
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    private final UUID customer = UUID.randomUUID();
    private final String token = JwtTokens.mint(TestInfra.JWT_SECRET, customer, Duration.ofHours(1));
    private final JsonMapper json = Json.newMapper();

    @BeforeAll
    static void twoInstances() {
        first = Instances.start(SCHEMA, NAMESPACE);
        second = Instances.start(SCHEMA, NAMESPACE);
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
    }

    @Test
    void parallelReserversOnTwoInstancesNeverReserveOneAgentTwice() throws Exception {
        ExecutorService reservers = Executors.newFixedThreadPool(2 * RESERVERS_PER_INSTANCE);
        try (EventRecorder events = new EventRecorder(Instances.eventExchange(first), json)) {
            List<UUID> team = new ArrayList<>();
            for (int i = 0; i < AGENTS; i++) {
                team.add(createAvailable(i % 2 == 0 ? first : second, "agent-" + i));
            }

            List<Callable<List<UUID>>> work = new ArrayList<>();
            for (int i = 0; i < RESERVERS_PER_INSTANCE; i++) {
                work.add(reserver(Instances.client(first), ReservationStrategy.LONGEST_IDLE));
                work.add(reserver(Instances.client(second), i % 2 == 0 ? ReservationStrategy.RING_ALL : ReservationStrategy.RANDOM));
            }
            List<UUID> reserved = new ArrayList<>();
            for (Future<List<UUID>> result : reservers.invokeAll(work)) {
                reserved.addAll(result.get());
            }

            assertThat(reserved).as("no agent reserved twice").doesNotHaveDuplicates();
            assertThat(reserved).containsExactlyInAnyOrderElementsOf(team);
            for (UUID agent : team) {
                assertThat(read(second, agent).status()).isEqualTo(AgentStatus.RINGING);
            }
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                    events.envelopes(AgentManagerEvents.AGENT_STATUS_UPDATED).stream()
                            .filter(e -> e.path("data").path("status").asString("").equals("ringing"))
                            .collect(Collectors.groupingBy(e -> UUID.fromString(e.path("data").path("id").asString()),
                                    Collectors.counting())))
                    .as("one ringing announcement per agent").hasSize(AGENTS).allSatisfy((id, n) -> assertThat(n).isEqualTo(1L)));
        } finally {
            reservers.shutdownNow();
        }
    }

    @Test
    void aReserverPassesOverAnAgentAnotherTransactionHoldsInsteadOfWaitingForIt() throws Exception {
        UUID held = createAvailable(first, "held");
        var db = TestInfra.postgres();
        try (Connection other = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            other.setAutoCommit(false);
            try (Statement lock = other.createStatement()) {
                // What a reservation in flight on another instance holds: the agent's state row.
                lock.execute("SELECT status FROM " + SCHEMA + ".agent_states WHERE id = '" + held + "' FOR UPDATE");
            }

            Reservation whileHeld = Instances.client(second).reserve(AgentReserve.of(customer, null,
                    ReservationStrategy.LONGEST_IDLE, List.of()));
            assertThat(whileHeld.agents()).isEmpty();
            assertThat(whileHeld.lockedCandidates()).as("try again: someone holds a matching agent").isEqualTo(1);

            UUID free = createAvailable(first, "free");
            assertThat(Instances.client(first).reserve(AgentReserve.of(customer, null, ReservationStrategy.LONGEST_IDLE,
                    List.of())).agents()).extracting(Agent::id).containsExactly(free);
            other.rollback();
        }
        assertThat(Instances.client(second).reserve(AgentReserve.of(customer, null, ReservationStrategy.LONGEST_IDLE,
                List.of())).agents()).extracting(Agent::id).containsExactly(held);
    }

    /** Reserves until nobody is left (an empty answer that nobody else was holding); the agents it got. */
    private Callable<List<UUID>> reserver(AgentManagerClient client, ReservationStrategy strategy) {
        return () -> {
            List<UUID> got = new ArrayList<>();
            for (int attempt = 0; attempt < 500; attempt++) {
                Reservation reservation = client.reserve(new AgentReserve(customer, null, null, strategy, List.of(),
                        List.of(), List.of(), null, 300, 3));
                reservation.agents().stream().map(Agent::id).forEach(got::add);
                if (reservation.agents().isEmpty() && reservation.lockedCandidates() == 0) {
                    return Collections.unmodifiableList(got);
                }
            }
            throw new AssertionError("still finding agents after 500 reservations");
        };
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
