package net.voipbin.callmanager.operation;

import java.util.UUID;

import org.springframework.stereotype.Component;

import jakarta.validation.constraints.NotNull;
import net.voipbin.contract.callmanager.CallRequests;
import net.voipbin.contract.callmanager.ExternalMediaCreate;
import net.voipbin.rpc.server.RpcEndpoint;
import net.voipbin.rpc.server.RpcRoutes;

/** What the other services do to a live call: answer, media, digits, recording, hold, mute, bridges, external media. */
@Component
class CallMediaRpcEndpoint implements RpcEndpoint {

    /** {@code mute} / {@code unmute}: direction in, out or both (default). */
    record MuteBody(String direction) {
    }

    /** {@code bridge}: the peer call joins this call's bridge. */
    record BridgeBody(@NotNull UUID peerCallId) {
    }

    private final CallOperations operations;
    private final ExternalMediaService externalMedia;
    private final CallBridges bridges;

    CallMediaRpcEndpoint(CallOperations operations, ExternalMediaService externalMedia, CallBridges bridges) {
        this.operations = operations;
        this.externalMedia = externalMedia;
        this.bridges = bridges;
    }

    @Override
    public void routes(RpcRoutes r) {
        r.post("/v1/calls/{id}/answer", c -> operations.answer(c.pathUuid("id")).toCall())
                .post("/v1/calls/{id}/play", CallRequests.Play.class, c -> operations.play(c.pathUuid("id"), c.body()).toCall())
                .post("/v1/calls/{id}/talk", CallRequests.Talk.class, c -> operations.talk(c.pathUuid("id"), c.body()).toCall())
                .post("/v1/calls/{id}/digits_receive", CallRequests.DigitsReceive.class,
                        c -> operations.digitsReceive(c.pathUuid("id"), c.body()).toCall())
                .post("/v1/calls/{id}/digits_send", CallRequests.DigitsSend.class,
                        c -> operations.digitsSend(c.pathUuid("id"), c.body()).toCall())
                .post("/v1/calls/{id}/record_start", CallRequests.RecordStart.class,
                        c -> operations.recordStart(c.pathUuid("id"), c.body()).toCall())
                .post("/v1/calls/{id}/record_stop", c -> operations.recordStop(c.pathUuid("id")).toCall())
                .post("/v1/calls/{id}/hold", c -> operations.hold(c.pathUuid("id"), true).toCall())
                .post("/v1/calls/{id}/unhold", c -> operations.hold(c.pathUuid("id"), false).toCall())
                .post("/v1/calls/{id}/mute", MuteBody.class,
                        c -> operations.mute(c.pathUuid("id"), c.body().direction(), true).toCall())
                .post("/v1/calls/{id}/unmute", MuteBody.class,
                        c -> operations.mute(c.pathUuid("id"), c.body().direction(), false).toCall())
                .post("/v1/calls/{id}/bridge", BridgeBody.class,
                        c -> bridges.connect(c.pathUuid("id"), c.body().peerCallId()).toCall())
                .post("/v1/calls/{id}/external-media", ExternalMediaCreate.class,
                        c -> externalMedia.attach(c.pathUuid("id"), c.body()));
    }
}
