package net.voipbin.callmanager.moh;

import org.springframework.stereotype.Component;

import net.voipbin.rpc.server.RpcEndpoint;
import net.voipbin.rpc.server.RpcRoutes;

/** Music on hold for a call, and stopping its prompts: what queue-manager does to a waiting caller. */
@Component
class MohRpcEndpoint implements RpcEndpoint {

    /** {@code moh_class}: an Asterisk music-on-hold class; absent or blank for the default class. */
    record MohBody(String mohClass) {
    }

    private final MohService moh;

    MohRpcEndpoint(MohService moh) {
        this.moh = moh;
    }

    @Override
    public void routes(RpcRoutes r) {
        r.post("/v1/calls/{id}/moh", MohBody.class, c -> moh.start(c.pathUuid("id"),
                        c.body() == null ? null : c.body().mohClass()).toCall())
                .delete("/v1/calls/{id}/moh", c -> moh.stop(c.pathUuid("id")).toCall())
                .post("/v1/calls/{id}/media_stop", c -> moh.stopPrompts(c.pathUuid("id")).toCall());
    }
}
