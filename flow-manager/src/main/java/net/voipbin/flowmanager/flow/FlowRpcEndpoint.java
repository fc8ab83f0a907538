package net.voipbin.flowmanager.flow;

import java.util.UUID;

import org.springframework.stereotype.Component;

import net.voipbin.contract.flowmanager.FlowCreate;
import net.voipbin.contract.flowmanager.FlowRequest;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.server.RpcCall;
import net.voipbin.rpc.server.RpcEndpoint;
import net.voipbin.rpc.server.RpcResult;
import net.voipbin.rpc.server.RpcRoutes;

/**
 * {@code POST /v1/flows}: flows stored on a customer's behalf by another service; {@code GET /v1/flows/<id>?customer_id=}:
 * one of the customer's flows (call-manager checks a transfer's {@code flow_id} with it), 404 when the customer has none.
 */
@Component
class FlowRpcEndpoint implements RpcEndpoint {

    private final FlowService flows;

    FlowRpcEndpoint(FlowService flows) {
        this.flows = flows;
    }

    @Override
    public void routes(RpcRoutes routes) {
        routes.post("/v1/flows", FlowCreate.class, call -> RpcResult.created(flows.create(call.body().customerId(),
                new FlowRequest(call.body().name(), call.body().detail(), call.body().actions()))))
                .get("/v1/flows/{id}", call -> flows.find(customer(call), call.pathUuid("id"))
                        .orElseThrow(() -> ApiException.notFound("flow " + call.pathUuid("id"))));
    }

    private static UUID customer(RpcCall<?> call) {
        try {
            return UUID.fromString(call.query("customer_id").orElseThrow(
                    () -> ApiException.invalidField("customer_id", "is required")));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("customer_id", "not a UUID");
        }
    }
}
