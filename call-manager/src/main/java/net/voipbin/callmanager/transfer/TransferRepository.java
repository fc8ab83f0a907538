package net.voipbin.callmanager.transfer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import net.voipbin.contract.callmanager.Address;
import net.voipbin.contract.callmanager.CallRequests.Transfer.TransferType;
import net.voipbin.contract.callmanager.Transfer.Status;

/** Transfers in PostgreSQL; status changes lock the row. */
@Repository
class TransferRepository {

    private static final String COLUMNS = "id, customer_id, type, transferee_call_id, transferor_call_id, "
            + "transferor_channel_id, target_call_id, destination_type, destination_target, status, bridge_id, "
            + "consult_bridge_id, reason, tm_create, tm_update, flow_id, activeflow_id";

    private final JdbcClient jdbc;

    TransferRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    TransferRow insert(TransferRow t) {
        return jdbc.sql("INSERT INTO transfers (" + COLUMNS + ") VALUES (:id, :customer, :type, :transferee, :transferor, "
                        + ":transferorChannel, :target, :dt, :dv, :status, :bridge, NULL, NULL, now(), now(), :flow, "
                        + ":activeflow) RETURNING "
                        + COLUMNS)
                .param("id", t.id()).param("customer", t.customerId()).param("type", lower(t.type()))
                .param("transferee", t.transfereeCallId()).param("transferor", t.transferorCallId())
                .param("transferorChannel", t.transferorChannelId()).param("target", t.targetCallId())
                .param("dt", lower(t.destination().type())).param("dv", t.destination().target())
                .param("status", lower(t.status())).param("bridge", t.bridgeId())
                .param("flow", t.flowId()).param("activeflow", t.activeflowId())
                .query(TransferRepository::map).single();
    }

    TransferRow update(TransferRow t) {
        return jdbc.sql("UPDATE transfers SET status = :status, reason = :reason, consult_bridge_id = :consult, "
                        + "tm_update = now() WHERE id = :id RETURNING " + COLUMNS)
                .param("id", t.id()).param("status", lower(t.status())).param("reason", t.reason())
                .param("consult", t.consultBridgeId()).query(TransferRepository::map).single();
    }

    Optional<TransferRow> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM transfers WHERE id = :id").param("id", id)
                .query(TransferRepository::map).optional();
    }

    Optional<TransferRow> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM transfers WHERE id = :id FOR UPDATE").param("id", id)
                .query(TransferRepository::map).optional();
    }

    /** The open transfer a call takes part in (as target or transferee). */
    Optional<TransferRow> openFor(UUID callId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM transfers WHERE status IN ('dialing', 'consulting') "
                        + "AND (target_call_id = :call OR transferee_call_id = :call) ORDER BY tm_create DESC LIMIT 1")
                .param("call", callId).query(TransferRepository::map).optional();
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static TransferRow map(ResultSet rs, int n) throws SQLException {
        return new TransferRow(rs.getObject("id", UUID.class), rs.getObject("customer_id", UUID.class),
                TransferType.valueOf(rs.getString("type").toUpperCase(Locale.ROOT)),
                rs.getObject("transferee_call_id", UUID.class), rs.getObject("transferor_call_id", UUID.class),
                rs.getString("transferor_channel_id"), rs.getObject("target_call_id", UUID.class),
                new Address(Address.AddressType.valueOf(rs.getString("destination_type").toUpperCase(Locale.ROOT)),
                        rs.getString("destination_target")),
                Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), rs.getString("bridge_id"),
                rs.getString("consult_bridge_id"), rs.getString("reason"), rs.getTimestamp("tm_create").toInstant(),
                rs.getTimestamp("tm_update").toInstant(), rs.getObject("flow_id", UUID.class),
                rs.getObject("activeflow_id", UUID.class));
    }
}
