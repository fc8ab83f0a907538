package net.voipbin.flowmanager.flow;

import org.springframework.stereotype.Component;

import net.voipbin.contract.flowmanager.FlowCreate;
import net.voipbin.contract.flowmanager.FlowRequest;
import net.voipbin.rpc.server.RpcEndpoint;
import net.voipbin.rpc.server.RpcResult;
import net.voipbin.rpc.server.RpcRoutes;

/** {@code POST /v1/flows}: flows stored on a customer's behalf by another service. */
@Component
class FlowRpcEndpoint implements RpcEndpoint {

    private final FlowService flows;

    FlowRpcEndpoint(FlowService flows) {
        this.flows = flows;
    }

    @Override
    public void routes(RpcRoutes routes) {
        routes.post("/v1/flows", FlowCreate.class, call -> RpcResult.created(flows.create(call.body().customerId(),
                new FlowRequest(call.body().name(), call.body().detail(), call.body().actions()))));
    }
}
