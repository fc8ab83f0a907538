package net.voipbin.queuemanager.queuecall;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The outbound calls ringing agents for an offer: how an agent's call_answered / call_hungup finds its queuecall. */
@Component
class OfferCalls {

    enum Status { RINGING, ANSWERED, ENDED }

    /** {@code addressIndex}: which of the agent's addresses the call rings. */
    record OfferCall(UUID callId, UUID queuecallId, UUID reservationId, UUID agentId, int addressIndex, Status status) {
    }

    private final JdbcClient jdbc;

    OfferCalls(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(UUID callId, UUID queuecallId, UUID reservationId, UUID agentId, int addressIndex, Instant now) {
        jdbc.sql("""
                INSERT INTO offer_calls (call_id, queuecall_id, reservation_id, agent_id, address_index, status, tm_create)
                VALUES (?, ?, ?, ?, ?, 'RINGING', ?) ON CONFLICT DO NOTHING""")
                .params(callId, queuecallId, reservationId, agentId, addressIndex, java.sql.Timestamp.from(now)).update();
    }

    Optional<OfferCall> find(UUID callId) {
        return jdbc.sql("SELECT * FROM offer_calls WHERE call_id = ?").param(callId).query(OfferCall.class).optional();
    }

    void set(UUID callId, Status status) {
        jdbc.sql("UPDATE offer_calls SET status = ? WHERE call_id = ?").params(status.name(), callId).update();
    }

    /** The reservation's calls still ringing. */
    List<OfferCall> ringing(UUID reservationId) {
        return jdbc.sql("SELECT * FROM offer_calls WHERE reservation_id = ? AND status = 'RINGING'")
                .param(reservationId).query(OfferCall.class).list();
    }

    /** Ends (in the table) the reservation's calls still ringing, optionally only one agent's; answers them. */
    List<OfferCall> endRinging(UUID reservationId, UUID agentId) {
        List<OfferCall> calls = ringing(reservationId).stream()
                .filter(c -> agentId == null || c.agentId().equals(agentId)).toList();
        calls.forEach(c -> set(c.callId(), Status.ENDED));
        return calls;
    }

    Optional<OfferCall> answered(UUID reservationId) {
        return jdbc.sql("SELECT * FROM offer_calls WHERE reservation_id = ? AND status = 'ANSWERED'")
                .param(reservationId).query(OfferCall.class).optional();
    }
}
