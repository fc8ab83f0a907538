package net.voipbin.pipecatmanager.session;

import org.springframework.stereotype.Component;

import net.voipbin.contract.pipecatmanager.PipecatcallCreate;
import net.voipbin.rpc.server.RpcEndpoint;
import net.voipbin.rpc.server.RpcResult;
import net.voipbin.rpc.server.RpcRoutes;

@Component
class PipecatcallRpcEndpoint implements RpcEndpoint {

    private final PipecatcallService service;

    PipecatcallRpcEndpoint(PipecatcallService service) {
        this.service = service;
    }

    @Override
    public void routes(RpcRoutes r) {
        r.post("/v1/pipecatcalls", PipecatcallCreate.class, call -> RpcResult.created(service.start(call.body())))
                .get("/v1/pipecatcalls/{id}", call -> service.get(call.pathUuid("id")))
                .delete("/v1/pipecatcalls/{id}", call -> service.stop(call.pathUuid("id")));
    }
}
