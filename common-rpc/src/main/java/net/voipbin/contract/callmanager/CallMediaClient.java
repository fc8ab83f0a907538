package net.voipbin.contract.callmanager;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import net.voipbin.rpc.client.RpcClient;
import net.voipbin.rpc.envelope.RpcResponse;
import net.voipbin.rpc.topology.Topology;

/**
 * The call-manager routes an AI session needs (pipecat-manager's view): external media attach,
 * transfer, hangup: {@code POST /v1/calls/<id>/external-media}, {@code POST /v1/calls/<id>/transfer},
 * {@code POST /v1/calls/<id>/hangup}.
 */
public final class CallMediaClient {

    public static final String SERVICE = "call-manager";

    private final RpcClient rpc;
    private final String queue;

    public CallMediaClient(RpcClient rpc, Topology topology) {
        this.rpc = rpc;
        this.queue = topology.requestQueue(SERVICE);
    }

    public ExternalMedia externalMedia(UUID callId, ExternalMediaCreate request) {
        return rpc.call(queue, "POST", "/v1/calls/" + callId + "/external-media", request, ExternalMedia.class);
    }

    public CompletableFuture<RpcResponse> transfer(UUID callId, CallTransferCreate request, Duration timeout) {
        return rpc.sendAsync(queue, "POST", "/v1/calls/" + callId + "/transfer", request, timeout);
    }

    public CompletableFuture<RpcResponse> hangup(UUID callId, CallHangupRequest request, Duration timeout) {
        return rpc.sendAsync(queue, "POST", "/v1/calls/" + callId + "/hangup", request, timeout);
    }
}
