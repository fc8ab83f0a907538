package net.voipbin.contract.conferencemanager;

import java.util.UUID;

import net.voipbin.rpc.client.RpcClient;
import net.voipbin.rpc.topology.Topology;

/** Typed RPC client of conference-manager ({@code bin-manager.conference-manager.request}). */
public final class ConferenceManagerClient {

    public static final String SERVICE = "conference-manager";

    private final RpcClient rpc;
    private final String queue;

    public ConferenceManagerClient(RpcClient rpc, Topology topology) {
        this.rpc = rpc;
        this.queue = topology.requestQueue(SERVICE);
    }

    /**
     * {@code POST /v1/conferencecalls}: the call joins the conference; answers the conferencecall (joining).
     * Refused: 404 unknown or another customer's conference, 409 {@code conference_terminated} /
     * {@code conference_full}.
     */
    public Conferencecall join(ConferencecallCreate request) {
        return rpc.call(queue, "POST", "/v1/conferencecalls", request, Conferencecall.class);
    }

    /** {@code GET /v1/conferences/<id>}. */
    public Conference get(UUID conferenceId) {
        return rpc.call(queue, "GET", "/v1/conferences/" + conferenceId, null, Conference.class);
    }

    /** {@code GET /v1/conferencecalls/<id>}. */
    public Conferencecall getConferencecall(UUID conferencecallId) {
        return rpc.call(queue, "GET", "/v1/conferencecalls/" + conferencecallId, null, Conferencecall.class);
    }

    /** {@code DELETE /v1/conferencecalls/<id>}: kicks the participant; answers it (leaving). */
    public Conferencecall kick(UUID conferencecallId) {
        return rpc.call(queue, "DELETE", "/v1/conferencecalls/" + conferencecallId, null, Conferencecall.class);
    }
}
