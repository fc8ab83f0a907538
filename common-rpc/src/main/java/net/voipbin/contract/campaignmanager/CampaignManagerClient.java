package net.voipbin.contract.campaignmanager;

import java.util.UUID;

import net.voipbin.rpc.client.RpcClient;
import net.voipbin.rpc.topology.Topology;

/** Typed RPC client of campaign-manager, for the other services. */
public final class CampaignManagerClient {

    public static final String SERVICE = "campaign-manager";

    private final RpcClient rpc;
    private final String queue;

    public CampaignManagerClient(RpcClient rpc, Topology topology) {
        this.rpc = rpc;
        this.queue = topology.requestQueue(SERVICE);
    }

    public Campaign get(UUID campaignId) {
        return rpc.call(queue, "GET", "/v1/campaigns/" + campaignId, null, Campaign.class);
    }

    public CampaignStatistics statistics(UUID campaignId) {
        return rpc.call(queue, "GET", "/v1/campaigns/" + campaignId + "/statistics", null, CampaignStatistics.class);
    }

    public Campaigncall getCampaigncall(UUID campaigncallId) {
        return rpc.call(queue, "GET", "/v1/campaigncalls/" + campaigncallId, null, Campaigncall.class);
    }
}
