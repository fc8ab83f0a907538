package net.voipbin.callmanager.call;

import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Component;

import net.voipbin.callmanager.echo.EchoService;
import net.voipbin.callmanager.operation.CallBridges;
import net.voipbin.callmanager.operation.CallOperations;
import net.voipbin.callmanager.operation.ExternalMediaService;
import net.voipbin.contract.callmanager.Call;
import net.voipbin.contract.callmanager.Call.HangupReason;
import net.voipbin.contract.callmanager.CallRequests;
import net.voipbin.contract.callmanager.ExternalMediaCreate;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.server.RpcEndpoint;
import net.voipbin.rpc.server.RpcResult;
import net.voipbin.rpc.server.RpcRoutes;

/** call-manager's call routes for the other services; each answers with the call as it is now. */
@Component
class CallRpcEndpoint implements RpcEndpoint {

    /** {@code POST /v1/calls/<id>/hangup}: {@code reason} as a word (normal when absent). */
    record HangupBody(String reason) {
    }

    /** {@code mute} / {@code unmute}: direction in, out or both (default). */
    record MuteBody(String direction) {
    }

    /** {@code bridge}: the peer call joins this call's bridge. */
    record BridgeBody(@jakarta.validation.constraints.NotNull UUID peerCallId) {
    }

    /** {@code echo}: how long the caller hears themselves. */
    record EchoBody(Integer durationMs) {
    }

    private final CallService calls;
    private final OutboundDialer dialer;
    private final CallOperations operations;
    private final ExternalMediaService externalMedia;
    private final CallBridges bridges;
    private final EchoService echo;

    CallRpcEndpoint(CallService calls, OutboundDialer dialer, CallOperations operations,
            ExternalMediaService externalMedia, CallBridges bridges, EchoService echo) {
        this.bridges = bridges;
        this.echo = echo;
        this.calls = calls;
        this.dialer = dialer;
        this.operations = operations;
        this.externalMedia = externalMedia;
    }

    @Override
    public void routes(RpcRoutes r) {
        r.post("/v1/calls", CallRequests.Create.class, c -> RpcResult.created(dialer.dial(c.body().customerId(),
                        c.body().source(), c.body().destinations(), c.body().flowId(), c.body().dialTimeoutMs())
                        .stream().map(CallRow::toCall).toList()))
                .get("/v1/calls/{id}", c -> calls.get(c.pathUuid("id")).toCall())
                .post("/v1/calls/{id}/answer", c -> operations.answer(c.pathUuid("id")).toCall())
                .post("/v1/calls/{id}/hangup", HangupBody.class, c -> hangup(c.pathUuid("id"), c.body().reason()))
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
                .post("/v1/calls/{id}/echo", EchoBody.class,
                        c -> echo.echo(c.pathUuid("id"), c.body().durationMs()).toCall())
                .post("/v1/calls/{id}/external-media", ExternalMediaCreate.class,
                        c -> externalMedia.attach(c.pathUuid("id"), c.body()));
    }

    private Call hangup(UUID id, String reason) {
        return calls.hangup(id, reason(reason), null).toCall();
    }

    static HangupReason reason(String reason) {
        if (reason == null || reason.isBlank()) {
            return HangupReason.NORMAL;
        }
        try {
            return HangupReason.valueOf(reason.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("reason", "not a hangup reason: " + reason);
        }
    }
}
