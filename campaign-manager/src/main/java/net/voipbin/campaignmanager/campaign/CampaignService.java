package net.voipbin.campaignmanager.campaign;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.campaignmanager.outplan.OutplanService;
import net.voipbin.contract.campaignmanager.Campaign;
import net.voipbin.contract.campaignmanager.CampaignManagerEvents;
import net.voipbin.contract.campaignmanager.CampaignStatus;
import net.voipbin.contract.flowmanager.Action;
import net.voipbin.contract.flowmanager.FlowCreate;
import net.voipbin.contract.flowmanager.FlowManagerClient;
import net.voipbin.contract.outdialmanager.OutdialManagerClient;
import net.voipbin.rpc.cache.ReadCache;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.event.EventPublisher;
import net.voipbin.rpc.rest.Page;
import net.voipbin.rpc.rest.PageCursor;
import net.voipbin.rpc.rest.PageQuery;

/**
 * Campaigns: a customer's CRUD. Every id a campaign names is checked to be the customer's (another
 * customer's outplan, outdial or campaign is 404, like an unknown one); inline actions become a flow of
 * the customer's at flow-manager. Starting and stopping: {@link CampaignRuns}.
 */
@Service
public class CampaignService {

    private static final Logger log = LoggerFactory.getLogger(CampaignService.class);
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");
    private static final java.time.Duration OUTPLAN_ID_AGE = java.time.Duration.ofSeconds(5);

    private final CampaignRepository campaigns;
    private final OutplanService outplans;
    private final OutdialManagerClient outdials;
    private final FlowManagerClient flows;
    private final CampaignRuns runs;
    private final QueueModes queueModes;
    private final EventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ReadCache<UUID, UUID> outplanIds = new ReadCache<>(10_000, OUTPLAN_ID_AGE);

    CampaignService(CampaignRepository campaigns, OutplanService outplans, OutdialManagerClient outdials,
            FlowManagerClient flows, CampaignRuns runs, QueueModes queueModes, EventPublisher events,
            TransactionTemplate tx, Clock clock) {
        this.campaigns = campaigns;
        this.outplans = outplans;
        this.outdials = outdials;
        this.flows = flows;
        this.runs = runs;
        this.queueModes = queueModes;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    Campaign create(UUID customerId, CampaignRequests.Create r) {
        CampaignSettings settings = new CampaignSettings(r.name().trim(), r.detail() == null ? "" : r.detail(),
                r.type() == null ? Campaign.Type.CALL : r.type(), flow(customerId, r.flowId(), r.actions(), r.name()),
                r.outplanId(), r.outdialId(), r.queueId(), r.endHandle() == null ? Campaign.EndHandle.STOP : r.endHandle(),
                r.nextCampaignId(), r.dialRate() == null ? 1.0 : r.dialRate(), r.maxInFlight() == null ? 10 : r.maxInFlight(),
                orElse(r.dialingMode(), Campaign.DialingMode.POWER), orElse(r.dialingRatio(), 1.0),
                orElse(r.maxAbandonRate(), 0.03), r.window() == null ? null : r.window().toWindow());
        check(customerId, null, settings);
        Campaign created = tx.execute(s -> announce(CampaignManagerEvents.CAMPAIGN_CREATED,
                campaigns.save(CampaignEntity.create(customerId, settings, clock.instant()))));
        log.info("campaign {} created for customer {}", created.id(), customerId);
        return created;
    }

    /** 404 unless the customer owns the live campaign. */
    public Campaign get(UUID customerId, UUID id) {
        return entity(customerId, id).toCampaign();
    }

    /**
     * The outplan a campaign dials with, for every attempt's end (its retry intervals): kept in memory, invalidated by
     * this instance's changes, another's seen within {@link #OUTPLAN_ID_AGE}.
     */
    public UUID outplanId(UUID id) {
        return outplanIds.find(id, () -> campaigns.findLive(id).map(c -> c.toCampaign().outplanId()))
                .orElseThrow(() -> ApiException.notFound("outplan of campaign " + id));
    }

    /** The live campaign whoever owns it (RPC, the dialer), 404 when deleted. */
    public Campaign get(UUID id) {
        return campaigns.findLive(id).orElseThrow(() -> ApiException.notFound("campaign " + id)).toCampaign();
    }

    Page<Campaign> list(UUID customerId, PageQuery page) {
        List<Campaign> rows = campaigns.page(customerId, page.cursor().map(PageCursor::tmCreate).orElse(END_OF_TIME),
                page.cursor().map(PageCursor::id).orElse(new UUID(-1L, -1L)), page.pageSize() + 1)
                .stream().map(CampaignEntity::toCampaign).toList();
        return Page.of(rows, page.pageSize(), c -> new PageCursor(c.tmCreate(), c.id()));
    }

    Campaign update(UUID customerId, UUID id, CampaignRequests.Update r) {
        Campaign now = get(customerId, id);
        UUID flowId = r.actions() != null ? flow(customerId, null, r.actions(), now.name()) : orElse(r.flowId(), now.flowId());
        CampaignSettings settings = new CampaignSettings(r.name() == null ? now.name() : r.name().trim(),
                orElse(r.detail(), now.detail()), now.type(), flowId, orElse(r.outplanId(), now.outplanId()),
                orElse(r.outdialId(), now.outdialId()), orElse(r.queueId(), now.queueId()),
                orElse(r.endHandle(), now.endHandle()), orElse(r.nextCampaignId(), now.nextCampaignId()),
                orElse(r.dialRate(), now.dialRate()), orElse(r.maxInFlight(), now.maxInFlight()),
                orElse(r.dialingMode(), now.dialingMode()), orElse(r.dialingRatio(), now.dialingRatio()),
                orElse(r.maxAbandonRate(), now.maxAbandonRate()), r.window() == null ? now.window() : r.window().toWindow());
        check(customerId, id, settings);
        if (now.status() != CampaignStatus.STOP && settings.outdialId() != null
                && !settings.outdialId().equals(now.outdialId())) {
            throw ApiException.conflict("campaign_running", "stop the campaign before changing outdial_id");
        }
        Campaign changed = tx.execute(s -> {
            CampaignEntity campaign = entity(customerId, id);
            campaign.apply(settings, clock.instant());
            return announce(CampaignManagerEvents.CAMPAIGN_UPDATED, campaigns.save(campaign));
        });
        outplanIds.invalidate(id);
        return r.status() == null ? changed : runs.change(customerId, id, r.status());
    }

    void delete(UUID customerId, UUID id) {
        tx.executeWithoutResult(s -> {
            CampaignEntity campaign = entity(customerId, id);
            if (campaign.status() != CampaignStatus.STOP) {
                throw ApiException.conflict("campaign_running", "stop the campaign before deleting it");
            }
            campaign.delete(clock.instant());
            announce(CampaignManagerEvents.CAMPAIGN_DELETED, campaigns.save(campaign));
        });
        outplanIds.invalidate(id);
        log.info("campaign {} of customer {} deleted", id, customerId);
    }

    /** Ids must be the customer's; the window's hours and zone must make sense; a queue mode needs its queue. */
    private void check(UUID customerId, UUID self, CampaignSettings s) {
        queueModes.check(customerId, s);
        if (s.outplanId() != null) {
            outplans.get(customerId, s.outplanId());
        }
        if (s.outdialId() != null) {
            outdials.getOutdial(s.outdialId(), customerId);
        }
        if (s.nextCampaignId() != null) {
            if (s.nextCampaignId().equals(self)) {
                throw ApiException.invalidField("next_campaign_id", "a campaign cannot follow itself");
            }
            entity(customerId, s.nextCampaignId());
        }
        Campaign.Window w = s.window();
        if (w != null) {
            if (!w.end().isAfter(w.start())) {
                throw ApiException.invalidField("window.end", "must be after window.start");
            }
            if (w.timeZone() != null) {
                zone(w.timeZone());
            }
        }
    }

    private static void zone(String zone) {
        try {
            if (ZoneId.of(zone) instanceof ZoneOffset) {
                throw ApiException.invalidField("window.time_zone", "an offset ignores daylight saving: give a region such as America/New_York");
            }
        } catch (DateTimeException e) {
            throw ApiException.invalidField("window.time_zone", "not an IANA time zone: " + zone);
        }
    }

    /** The flow to run: the one named, or inline actions stored as a new flow of the customer's. */
    private UUID flow(UUID customerId, UUID flowId, List<Action> actions, String name) {
        if (actions == null) {
            return flowId;
        }
        if (flowId != null) {
            throw ApiException.invalidField("actions", "give flow_id or actions, not both");
        }
        return flows.createFlow(new FlowCreate(customerId, "campaign " + name, "inline actions of a campaign",
                actions)).id();
    }

    private CampaignEntity entity(UUID customerId, UUID id) {
        return campaigns.findLive(id, customerId).orElseThrow(() -> ApiException.notFound("campaign " + id));
    }

    private Campaign announce(String type, CampaignEntity entity) {
        Campaign campaign = entity.toCampaign();
        events.publish(type, campaign);
        return campaign;
    }

    private static <T> T orElse(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
