package net.voipbin.contract.callmanager;

import java.util.UUID;

import net.voipbin.rpc.client.RpcClient;
import net.voipbin.rpc.topology.Topology;

/** Typed RPC client of call-manager's confbridge routes, naming the conference and participant they serve. */
public final class ConfbridgeClient {

    private final RpcClient rpc;
    private final String queue;

    public ConfbridgeClient(RpcClient rpc, Topology topology) {
        this.rpc = rpc;
        this.queue = topology.requestQueue(CallManagerClient.SERVICE);
    }

    public Confbridge create(ConfbridgeRequests.Create request) {
        return rpc.call(queue, "POST", "/v1/confbridges", request, Confbridge.class);
    }

    public Confbridge get(UUID confbridgeId) {
        return rpc.call(queue, "GET", "/v1/confbridges/" + confbridgeId, null, Confbridge.class);
    }

    /** Adds the call; {@code confbridge_joined} (carrying {@code participantId}) follows when it is bridged. */
    public Confbridge join(UUID confbridgeId, UUID callId, UUID participantId) {
        return rpc.call(queue, "POST", "/v1/confbridges/" + confbridgeId + "/join",
                new ConfbridgeRequests.Member(callId, participantId), Confbridge.class);
    }

    /**
     * Adds the call to wait ({@code waiting}) in the room's holding bridge, where it hears music on hold and
     * nobody else, until {@link #admit}; a member all the same ({@code confbridge_joined}).
     */
    public Confbridge join(UUID confbridgeId, UUID callId, UUID participantId, boolean waiting) {
        return rpc.call(queue, "POST", "/v1/confbridges/" + confbridgeId + "/join",
                new ConfbridgeRequests.Member(callId, participantId, waiting), Confbridge.class);
    }

    /** Every waiting member into the mixing bridge (no {@code confbridge_*} event: they stay members). */
    public Confbridge admit(UUID confbridgeId) {
        return rpc.call(queue, "POST", "/v1/confbridges/" + confbridgeId + "/admit", null, Confbridge.class);
    }

    /** Every member of the mixing bridge back to waiting in the holding bridge. */
    public Confbridge sendToWaiting(UUID confbridgeId) {
        return rpc.call(queue, "POST", "/v1/confbridges/" + confbridgeId + "/wait", null, Confbridge.class);
    }

    /** Takes the call out; {@code confbridge_left} with reason {@code kick} follows. */
    public Confbridge kick(UUID confbridgeId, UUID callId) {
        return rpc.call(queue, "POST", "/v1/confbridges/" + confbridgeId + "/kick",
                new ConfbridgeRequests.Member(callId), Confbridge.class);
    }

    /** Records the room's mixed audio; {@code confbridge_record_started} follows. 409 while nobody is in it. */
    public Confbridge recordStart(UUID confbridgeId, UUID recordingId, String format) {
        return rpc.call(queue, "POST", "/v1/confbridges/" + confbridgeId + "/record_start",
                new ConfbridgeRequests.RecordStart(recordingId, format), Confbridge.class);
    }

    public Confbridge recordStop(UUID confbridgeId, UUID recordingId) {
        return rpc.call(queue, "POST", "/v1/confbridges/" + confbridgeId + "/record_stop",
                new ConfbridgeRequests.RecordStop(recordingId), Confbridge.class);
    }

    /** Music on hold into the room's bridge ({@code on}), or stops it. 409 {@code confbridge_empty} without a bridge. */
    public Confbridge music(UUID confbridgeId, boolean on) {
        return rpc.call(queue, "POST", "/v1/confbridges/" + confbridgeId + (on ? "/moh_start" : "/moh_stop"), null,
                Confbridge.class);
    }

    /** Destroys the bridge; members still in it get {@code confbridge_left}, then {@code confbridge_deleted}. */
    public Confbridge delete(UUID confbridgeId) {
        return rpc.call(queue, "DELETE", "/v1/confbridges/" + confbridgeId, null, Confbridge.class);
    }
}
