package net.voipbin.queuemanager.queuecall;

import java.util.UUID;

import org.springframework.stereotype.Component;

import net.voipbin.contract.queuemanager.QueuecallCreate;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.server.RpcEndpoint;
import net.voipbin.rpc.server.RpcResult;
import net.voipbin.rpc.server.RpcRoutes;

/** flow-manager's {@code queue_join} ({@code POST /v1/queuecalls}) and reads by id, scoped by customer. */
@Component
class QueuecallRpcEndpoint implements RpcEndpoint {

    private final QueuecallService queuecalls;

    QueuecallRpcEndpoint(QueuecallService queuecalls) {
        this.queuecalls = queuecalls;
    }

    @Override
    public void routes(RpcRoutes r) {
        r.post("/v1/queuecalls", QueuecallCreate.class, c -> RpcResult.created(queuecalls.join(c.body())))
                .get("/v1/queuecalls/{id}", c -> queuecalls.get(customer(c.query("customer_id").orElse(null)),
                        c.pathUuid("id")));
    }

    private static UUID customer(String value) {
        if (value == null) {
            throw ApiException.invalidField("customer_id", "required");
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("customer_id", "not a UUID: " + value);
        }
    }
}
