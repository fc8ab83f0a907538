package net.voipbin.callmanager.confbridge;

import org.springframework.stereotype.Component;

import net.voipbin.contract.callmanager.ConfbridgeRequests;
import net.voipbin.rpc.server.RpcEndpoint;
import net.voipbin.rpc.server.RpcResult;
import net.voipbin.rpc.server.RpcRoutes;

/** Confbridge routes for conference-manager and queue-manager. */
@Component
class ConfbridgeRpcEndpoint implements RpcEndpoint {

    private final ConfbridgeService confbridges;
    private final ConfbridgeRecordings recordings;

    ConfbridgeRpcEndpoint(ConfbridgeService confbridges, ConfbridgeRecordings recordings) {
        this.confbridges = confbridges;
        this.recordings = recordings;
    }

    @Override
    public void routes(RpcRoutes r) {
        r.post("/v1/confbridges", ConfbridgeRequests.Create.class,
                        c -> RpcResult.created(confbridges.create(c.body().customerId(), c.body().type(),
                                c.body().conferenceId())))
                .get("/v1/confbridges/{id}", c -> confbridges.get(c.pathUuid("id")))
                .delete("/v1/confbridges/{id}", c -> confbridges.delete(c.pathUuid("id")))
                .post("/v1/confbridges/{id}/join", ConfbridgeRequests.Member.class,
                        c -> confbridges.join(c.pathUuid("id"), c.body().callId(), c.body().participantId(),
                                Boolean.TRUE.equals(c.body().waiting())))
                .post("/v1/confbridges/{id}/admit", c -> confbridges.admit(c.pathUuid("id")))
                .post("/v1/confbridges/{id}/wait", c -> confbridges.sendToWaiting(c.pathUuid("id")))
                .post("/v1/confbridges/{id}/kick", ConfbridgeRequests.Member.class,
                        c -> confbridges.kick(c.pathUuid("id"), c.body().callId()))
                .post("/v1/confbridges/{id}/record_start", ConfbridgeRequests.RecordStart.class,
                        c -> recordings.start(c.pathUuid("id"), c.body().recordingId(), c.body().format()))
                .post("/v1/confbridges/{id}/record_stop", ConfbridgeRequests.RecordStop.class,
                        c -> recordings.stop(c.pathUuid("id"), c.body().recordingId()))
                .post("/v1/confbridges/{id}/moh_start", c -> recordings.music(c.pathUuid("id"), true))
                .post("/v1/confbridges/{id}/moh_stop", c -> recordings.music(c.pathUuid("id"), false));
    }
}
