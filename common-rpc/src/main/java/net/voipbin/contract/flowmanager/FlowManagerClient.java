package net.voipbin.contract.flowmanager;

import java.util.UUID;

import net.voipbin.rpc.client.RpcClient;
import net.voipbin.rpc.topology.Topology;

/** Typed RPC client of flow-manager, for the other services. */
public final class FlowManagerClient {

    public static final String SERVICE = "flow-manager";

    private final RpcClient rpc;
    private final String queue;

    public FlowManagerClient(RpcClient rpc, Topology topology) {
        this.rpc = rpc;
        this.queue = topology.requestQueue(SERVICE);
    }

    /** Stores a flow for a customer (400 naming the action and field when invalid). */
    public Flow createFlow(FlowCreate request) {
        return rpc.call(queue, "POST", "/v1/flows", request, Flow.class);
    }

    /** The customer's flow; 404 when there is none (another customer's flow is none). */
    public Flow getFlow(UUID customerId, UUID flowId) {
        return rpc.call(queue, "GET", "/v1/flows/" + flowId + "?customer_id=" + customerId, null, Flow.class);
    }

    /** Starts a flow; answers 201 with the activeflow. */
    public Activeflow create(ActiveflowCreate request) {
        return rpc.call(queue, "POST", "/v1/activeflows", request, Activeflow.class);
    }

    public Activeflow get(UUID activeflowId) {
        return rpc.call(queue, "GET", "/v1/activeflows/" + activeflowId, null, Activeflow.class);
    }

    /** Stops a running flow wherever it is (call hung up, API stop). */
    public Activeflow stop(UUID activeflowId) {
        return rpc.call(queue, "POST", "/v1/activeflows/" + activeflowId + "/stop", null, Activeflow.class);
    }
}
