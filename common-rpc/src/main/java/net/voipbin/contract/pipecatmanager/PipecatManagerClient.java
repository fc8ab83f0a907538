package net.voipbin.contract.pipecatmanager;

import java.util.UUID;

import net.voipbin.rpc.client.RpcClient;
import net.voipbin.rpc.topology.Topology;

/** Typed RPC client for pipecat-manager ({@code bin-manager.pipecat-manager.request}). */
public final class PipecatManagerClient {

    public static final String SERVICE = "pipecat-manager";

    private final RpcClient rpc;
    private final String queue;

    public PipecatManagerClient(RpcClient rpc, Topology topology) {
        this.rpc = rpc;
        this.queue = topology.requestQueue(SERVICE);
    }

    /** {@code POST /v1/pipecatcalls}: starts an AI session on the call. */
    public Pipecatcall create(PipecatcallCreate request) {
        return rpc.call(queue, "POST", "/v1/pipecatcalls", request, Pipecatcall.class);
    }

    /** {@code GET /v1/pipecatcalls/<id>}. */
    public Pipecatcall get(UUID id) {
        return rpc.call(queue, "GET", "/v1/pipecatcalls/" + id, null, Pipecatcall.class);
    }

    /** {@code DELETE /v1/pipecatcalls/<id>}: ends the session; answers the ended resource. */
    public Pipecatcall delete(UUID id) {
        return rpc.call(queue, "DELETE", "/v1/pipecatcalls/" + id, null, Pipecatcall.class);
    }
}
