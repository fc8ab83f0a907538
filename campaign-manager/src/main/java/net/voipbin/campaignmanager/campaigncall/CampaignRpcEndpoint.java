package net.voipbin.campaignmanager.campaigncall;

import org.springframework.stereotype.Component;

import net.voipbin.campaignmanager.campaign.CampaignService;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.server.RpcEndpoint;
import net.voipbin.rpc.server.RpcRoutes;

/** The fleet's read routes: a campaign, its statistics, one campaigncall ({@code CampaignManagerClient}). */
@Component
class CampaignRpcEndpoint implements RpcEndpoint {

    private final CampaignService campaigns;
    private final CampaigncallQueries queries;
    private final CampaigncallStore store;

    CampaignRpcEndpoint(CampaignService campaigns, CampaigncallQueries queries, CampaigncallStore store) {
        this.campaigns = campaigns;
        this.queries = queries;
        this.store = store;
    }

    @Override
    public void routes(RpcRoutes routes) {
        routes.get("/v1/campaigns/{id}", call -> campaigns.get(call.pathUuid("id")))
                .get("/v1/campaigns/{id}/statistics", call -> queries.statistics(campaigns.get(call.pathUuid("id")).id()))
                .get("/v1/campaigncalls/{id}", call -> store.find(call.pathUuid("id"))
                        .filter(row -> !CampaigncallRow.CLAIMED.equals(row.status())).map(CampaigncallRow::toCampaigncall)
                        .orElseThrow(() -> ApiException.notFound("campaigncall " + call.pathUuid("id"))));
    }
}
