package net.voipbin.outdialmanager.outdial;

import java.util.UUID;

import org.springframework.stereotype.Component;

import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.server.RpcEndpoint;
import net.voipbin.rpc.server.RpcRoutes;

/** {@code GET /v1/outdials/{id}[?customer_id=]}: campaign-manager checks a campaign's outdial. */
@Component
class OutdialRpcEndpoint implements RpcEndpoint {

    private final OutdialService outdials;

    OutdialRpcEndpoint(OutdialService outdials) {
        this.outdials = outdials;
    }

    @Override
    public void routes(RpcRoutes routes) {
        routes.get("/v1/outdials/{id}", call -> call.query("customer_id")
                .map(customer -> outdials.get(uuid("customer_id", customer), call.pathUuid("id")))
                .orElseGet(() -> outdials.get(call.pathUuid("id"))));
    }

    private static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(field, "not a UUID: " + value);
        }
    }
}
