package net.voipbin.contract.agentmanager;

import java.util.List;
import java.util.UUID;

import net.voipbin.rpc.client.RpcClient;
import net.voipbin.rpc.topology.Topology;

/**
 * Typed RPC client of agent-manager, for queue-manager. The offer cycle: {@link #reserve} (agents ringing) →
 * {@link #answered} (busy) or {@link #missed} (available / away) or {@link #release} (offer withdrawn) →
 * {@link #ended} (wrap_up, then available by itself). Every status change is announced as
 * {@code agent-manager.agent_status_updated}.
 */
public final class AgentManagerClient {

    public static final String SERVICE = "agent-manager";

    private final RpcClient rpc;
    private final String queue;

    public AgentManagerClient(RpcClient rpc, Topology topology) {
        this.rpc = rpc;
        this.queue = topology.requestQueue(SERVICE);
    }

    /** {@code POST /v1/reservations}: picks and sets ringing in one transaction; empty when nobody matches. */
    public Reservation reserve(AgentReserve request) {
        return rpc.call(queue, "POST", "/v1/reservations", request, Reservation.class);
    }

    /** {@code POST /v1/reservations/<id>/release}: the agents that were still ringing for it, now available. */
    public List<Agent> release(UUID customerId, UUID reservationId) {
        return rpc.callForList(queue, "POST", "/v1/reservations/" + reservationId + "/release",
                new OfferRequests.Release(customerId), Agent.class);
    }

    /** {@code POST /v1/agents/<id>/answered}. */
    public Agent answered(UUID agentId, OfferRequests.Answered request) {
        return rpc.call(queue, "POST", "/v1/agents/" + agentId + "/answered", request, Agent.class);
    }

    /** {@code POST /v1/agents/<id>/missed}. */
    public Agent missed(UUID agentId, OfferRequests.Missed request) {
        return rpc.call(queue, "POST", "/v1/agents/" + agentId + "/missed", request, Agent.class);
    }

    /** {@code POST /v1/agents/<id>/ended}. */
    public Agent ended(UUID agentId, OfferRequests.Ended request) {
        return rpc.call(queue, "POST", "/v1/agents/" + agentId + "/ended", request, Agent.class);
    }

    /** {@code GET /v1/agents/<id>?customer_id=}: another customer's agent is 404. */
    /** The agent is rung on (a linear agent's next address): its ring deadline moves, its status stays ringing. */
    public Agent ringing(UUID agentId, OfferRequests.Ringing request) {
        return rpc.call(queue, "POST", "/v1/agents/" + agentId + "/ringing", request, Agent.class);
    }

        public Agent get(UUID customerId, UUID agentId) {
        return rpc.call(queue, "GET", "/v1/agents/" + agentId + "?customer_id=" + customerId, null, Agent.class);
    }

    /**
     * {@code GET /v1/agents?customer_id=&status=&skill=&page_size=&page_token=}: the customer's agents, newest
     * first, optionally only those in {@code status} and having {@code skill} (null = any).
     */
    public AgentPage list(UUID customerId, AgentStatus status, String skill, int pageSize, String pageToken) {
        StringBuilder uri = new StringBuilder("/v1/agents?customer_id=").append(customerId)
                .append("&page_size=").append(pageSize);
        if (status != null) {
            uri.append("&status=").append(status.wireName());
        }
        if (skill != null) {
            uri.append("&skill=").append(java.net.URLEncoder.encode(skill, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (pageToken != null) {
            uri.append("&page_token=").append(pageToken);
        }
        return rpc.call(queue, "GET", uri.toString(), null, AgentPage.class);
    }
}
