package net.voipbin.outdialmanager.outdialtarget;

import org.springframework.stereotype.Component;

import net.voipbin.contract.outdialmanager.ClaimRequests;
import net.voipbin.rpc.server.RpcEndpoint;
import net.voipbin.rpc.server.RpcRoutes;

/** The dialer's routes ({@code OutdialManagerClient}): counts, a target, and the claim's life. */
@Component
class TargetRpcEndpoint implements RpcEndpoint {

    private final TargetService targets;
    private final ClaimService claims;

    TargetRpcEndpoint(TargetService targets, ClaimService claims) {
        this.targets = targets;
        this.claims = claims;
    }

    @Override
    public void routes(RpcRoutes routes) {
        routes.get("/v1/outdials/{id}/counts", call -> targets.counts(call.pathUuid("id")))
                .post("/v1/outdials/{id}/claims", ClaimRequests.Claim.class,
                        call -> claims.claim(call.pathUuid("id"), call.body()))
                .get("/v1/outdialtargets/{id}", call -> targets.get(call.pathUuid("id")))
                .post("/v1/outdialtargets/{id}/outcome", ClaimRequests.Outcome.class,
                        call -> claims.report(call.pathUuid("id"), call.body()))
                .post("/v1/outdialtargets/{id}/release", ClaimRequests.Release.class,
                        call -> claims.release(call.pathUuid("id"), call.body()))
                .post("/v1/outdialtargets/{id}/renew", ClaimRequests.Renew.class,
                        call -> claims.renew(call.pathUuid("id"), call.body()));
    }
}
