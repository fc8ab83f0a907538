package net.voipbin.queuemanager.capacity;

import java.util.UUID;

import org.springframework.stereotype.Component;

import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.server.RpcEndpoint;
import net.voipbin.rpc.server.RpcRoutes;

/** {@code GET /v1/queues/{id}/capacity?customer_id=} (campaign-manager's pacing); another customer's queue is 404. */
@Component
class QueueCapacityRpcEndpoint implements RpcEndpoint {

    private final QueueCapacityService capacity;

    QueueCapacityRpcEndpoint(QueueCapacityService capacity) {
        this.capacity = capacity;
    }

    @Override
    public void routes(RpcRoutes r) {
        r.get("/v1/queues/{id}/capacity", c -> capacity.capacity(customer(c.query("customer_id").orElse(null)),
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
