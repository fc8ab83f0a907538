package net.voipbin.callmanager.call;

import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Component;

import net.voipbin.contract.callmanager.Call;
import net.voipbin.contract.callmanager.Call.HangupReason;
import net.voipbin.contract.callmanager.CallRequests;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.server.RpcEndpoint;
import net.voipbin.rpc.server.RpcResult;
import net.voipbin.rpc.server.RpcRoutes;

/**
 * call-manager's call routes for the other services: create, read, hang up. What is done to a live call (media,
 * bridges, echo) is routed by the feature that does it ({@code operation}, {@code echo}), so this package
 * depends on none of them.
 */
@Component
class CallRpcEndpoint implements RpcEndpoint {

    /** {@code POST /v1/calls/<id>/hangup}: {@code reason} as a word (normal when absent). */
    record HangupBody(String reason) {
    }

    private final CallService calls;
    private final OutboundDialer dialer;

    CallRpcEndpoint(CallService calls, OutboundDialer dialer) {
        this.calls = calls;
        this.dialer = dialer;
    }

    @Override
    public void routes(RpcRoutes r) {
        r.post("/v1/calls", CallRequests.Create.class, c -> RpcResult.created(dialer.dial(c.body().customerId(),
                        c.body().source(), c.body().destinations(), c.body().flowId(), c.body().dialTimeoutMs(), c.body().callId())
                        .stream().map(CallRow::toCall).toList()))
                .get("/v1/calls/{id}", c -> calls.get(c.pathUuid("id")).toCall())
                .post("/v1/calls/{id}/hangup", HangupBody.class, c -> hangup(c.pathUuid("id"), c.body().reason()));
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
