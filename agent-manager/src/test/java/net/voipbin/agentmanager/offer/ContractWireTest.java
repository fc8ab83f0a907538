package net.voipbin.agentmanager.offer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import net.voipbin.contract.agentmanager.Agent;
import net.voipbin.contract.agentmanager.AgentSkill;
import net.voipbin.contract.agentmanager.AgentStats;
import net.voipbin.contract.agentmanager.AgentStatus;
import net.voipbin.contract.agentmanager.AgentStatusReason;
import net.voipbin.contract.agentmanager.Reservation;
import net.voipbin.contract.agentmanager.ReservationStrategy;
import net.voipbin.contract.agentmanager.RingMethod;
import net.voipbin.contract.callmanager.Address;
import net.voipbin.rpc.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The shapes queue-manager and webhook receivers read, exactly as documented. */
class ContractWireTest {

    private final JsonMapper json = Json.newMapper();

    @Test
    void aReservationCarriesTheAgentsWithTheirStatusAndCountersInSnakeCase() {
        Instant t = Instant.parse("2026-01-20T12:00:00Z");
        Agent agent = new Agent(UUID.randomUUID(), UUID.randomUUID(), "Alice", "", RingMethod.RINGALL,
                List.of(Address.tel("+15550100")), List.of(new AgentSkill("english", 80)), AgentStatus.WRAP_UP,
                AgentStatus.BUSY, AgentStatusReason.WRAP_UP_DONE, t, t.plusSeconds(30), UUID.randomUUID(), null,
                new AgentStats(3, 2, 1, 0, 61_000, 3_600_000, t, t, t), t, t);
        Reservation reservation = new Reservation(UUID.randomUUID(), agent.customerId(),
                ReservationStrategy.ROUND_ROBIN_ORDERED, List.of(agent), 0);

        JsonNode wire = json.valueToTree(reservation);

        assertThat(wire.propertyNames()).containsExactly("id", "customer_id", "strategy", "agents", "locked_candidates");
        assertThat(wire.get("strategy").asString()).isEqualTo("round_robin_ordered");
        JsonNode first = wire.get("agents").get(0);
        assertThat(first.propertyNames()).containsExactly("id", "customer_id", "name", "detail", "ring_method",
                "addresses", "skills", "status", "previous_status", "status_reason", "tm_status", "status_until",
                "reservation_id", "reference_id", "stats", "tm_create", "tm_update");
        assertThat(first.get("status").asString()).isEqualTo("wrap_up");
        assertThat(first.get("status_reason").asString()).isEqualTo("wrap_up_done");
        assertThat(first.get("stats").propertyNames()).containsExactly("offered", "answered", "missed",
                "consecutive_misses", "talk_ms", "staffed_ms", "tm_last_offered", "tm_last_answered", "tm_last_ended");
        assertThat(first.get("addresses").get(0).get("type").asString()).isEqualTo("tel");
        assertThat(json.treeToValue(wire, Reservation.class)).isEqualTo(reservation);
    }
}
