package net.voipbin.flowmanager.activeflow;

import org.springframework.stereotype.Component;

import net.voipbin.contract.flowmanager.ActiveflowCreate;
import net.voipbin.rpc.server.RpcEndpoint;
import net.voipbin.rpc.server.RpcResult;
import net.voipbin.rpc.server.RpcRoutes;

/** The routes of {@code FlowManagerClient}. */
@Component
class ActiveflowRpcEndpoint implements RpcEndpoint {

    private final ActiveflowService service;

    ActiveflowRpcEndpoint(ActiveflowService service) {
        this.service = service;
    }

    @Override
    public void routes(RpcRoutes r) {
        r.post("/v1/activeflows", ActiveflowCreate.class, call -> RpcResult.created(service.create(call.body())))
                .get("/v1/activeflows/{id}", call -> service.get(call.pathUuid("id")))
                .post("/v1/activeflows/{id}/stop", call -> service.stop(call.pathUuid("id")));
    }
}
