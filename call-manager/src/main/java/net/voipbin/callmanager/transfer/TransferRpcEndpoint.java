package net.voipbin.callmanager.transfer;

import org.springframework.stereotype.Component;

import net.voipbin.callmanager.call.CallService;
import net.voipbin.rpc.server.RpcEndpoint;
import net.voipbin.rpc.server.RpcRoutes;

/** Transfer routes: start one (answers with the transferee call), read, complete or cancel it. */
@Component
class TransferRpcEndpoint implements RpcEndpoint {

    private final TransferService transfers;
    private final CallService calls;

    TransferRpcEndpoint(TransferService transfers, CallService calls) {
        this.transfers = transfers;
        this.calls = calls;
    }

    @Override
    public void routes(RpcRoutes r) {
        r.post("/v1/calls/{id}/transfer", TransferRequest.class, c -> {
            transfers.start(c.pathUuid("id"), c.body().transferType(), c.body().address(), c.body().flowId(),
                    c.body().actions());
            return calls.get(c.pathUuid("id")).toCall();
        })
                .get("/v1/transfers/{id}", c -> transfers.get(c.pathUuid("id")))
                .post("/v1/transfers/{id}/complete", c -> transfers.complete(c.pathUuid("id")))
                .post("/v1/transfers/{id}/cancel", c -> transfers.cancel(c.pathUuid("id")));
    }
}
