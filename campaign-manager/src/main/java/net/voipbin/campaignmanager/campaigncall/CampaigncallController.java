package net.voipbin.campaignmanager.campaigncall;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import net.voipbin.campaignmanager.campaign.CampaignService;
import net.voipbin.contract.campaignmanager.CampaignStatistics;
import net.voipbin.contract.campaignmanager.Campaigncall;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.rest.Customer;
import net.voipbin.rpc.rest.Page;
import net.voipbin.rpc.rest.PageCursor;
import net.voipbin.rpc.rest.PageQuery;

/** A campaign's attempts, newest first, and its statistics; another customer's campaign is 404. */
@RestController
@RequestMapping("/v1.0")
class CampaigncallController {

    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

    private final CampaigncallQueries queries;
    private final CampaignService campaigns;

    CampaigncallController(CampaigncallQueries queries, CampaignService campaigns) {
        this.queries = queries;
        this.campaigns = campaigns;
    }

    @GetMapping("/campaigns/{id}/campaigncalls")
    Page<Campaigncall> list(Customer customer, @PathVariable UUID id, PageQuery page) {
        campaigns.get(customer.id(), id);
        List<Campaigncall> rows = queries.page(customer.id(), id, page.cursor().map(PageCursor::tmCreate).orElse(END_OF_TIME),
                page.cursor().map(PageCursor::id).orElse(new UUID(-1L, -1L)), page.pageSize() + 1)
                .stream().map(CampaigncallRow::toCampaigncall).toList();
        return Page.of(rows, page.pageSize(), c -> new PageCursor(c.tmCreate(), c.id()));
    }

    @GetMapping("/campaigns/{id}/statistics")
    CampaignStatistics statistics(Customer customer, @PathVariable UUID id) {
        campaigns.get(customer.id(), id);
        return queries.statistics(id);
    }

    @GetMapping("/campaigncalls/{id}")
    Campaigncall get(Customer customer, @PathVariable UUID id) {
        return queries.find(customer.id(), id).map(CampaigncallRow::toCampaigncall)
                .orElseThrow(() -> ApiException.notFound("campaigncall " + id));
    }
}
