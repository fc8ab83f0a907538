package net.voipbin.contract.queuemanager;

import java.util.UUID;

import net.voipbin.rpc.client.RpcClient;
import net.voipbin.rpc.topology.Topology;

/** Typed RPC client of queue-manager, for flow-manager's {@code queue_join} and campaign-manager's pacing. */
public final class QueueManagerClient {

    public static final String SERVICE = "queue-manager";

    private final RpcClient rpc;
    private final String queue;

    public QueueManagerClient(RpcClient rpc, Topology topology) {
        this.rpc = rpc;
        this.queue = topology.requestQueue(SERVICE);
    }

    /** {@code POST /v1/queuecalls}: the caller waits; the flow resumes on the queuecall's final event. */
    public Queuecall join(QueuecallCreate request) {
        return rpc.call(queue, "POST", "/v1/queuecalls", request, Queuecall.class);
    }

    /** {@code GET /v1/queuecalls/<id>?customer_id=}. */
    public Queuecall get(UUID customerId, UUID queuecallId) {
        return rpc.call(queue, "GET", "/v1/queuecalls/" + queuecallId + "?customer_id=" + customerId, null,
                Queuecall.class);
    }

    /**
     * {@code GET /v1/queues/<id>/capacity?customer_id=}: the queue's available and busy agents and waiting callers
     * now; another customer's queue is 404.
     */
    public QueueCapacity capacity(UUID customerId, UUID queueId) {
        return rpc.call(queue, "GET", "/v1/queues/" + queueId + "/capacity?customer_id=" + customerId, null,
                QueueCapacity.class);
    }
}
