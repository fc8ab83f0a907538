package net.voipbin.campaignmanager.campaign;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import net.voipbin.campaignmanager.outplan.OutplanService;
import net.voipbin.contract.campaignmanager.Campaign;
import net.voipbin.contract.campaignmanager.CampaignManagerEvents;
import net.voipbin.contract.campaignmanager.CampaignStatus;
import net.voipbin.contract.outdialmanager.OutdialManagerClient;
import net.voipbin.rpc.error.ApiException;
import net.voipbin.rpc.event.EventPublisher;

/**
 * A campaign's status: stop → run (start), run → stopping → stop (stop: no new dials at once, the calls
 * in flight finish; stop when the last one ends), run → stop (end_handle stop and no target left). Each
 * change is one SQL statement on the locked row, whoever asks (REST, the dialer of any instance).
 */
@Service
public class CampaignRuns {

    private static final Logger log = LoggerFactory.getLogger(CampaignRuns.class);
    private static final String IN_FLIGHT = "SELECT count(*) FROM campaigncalls WHERE campaign_id = :id "
            + "AND status IN ('CLAIMED', 'DIALING', 'PROGRESSING')";

    private final CampaignRepository campaigns;
    private final OutplanService outplans;
    private final OutdialManagerClient outdials;
    private final JdbcClient jdbc;
    private final EventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    CampaignRuns(CampaignRepository campaigns, OutplanService outplans, OutdialManagerClient outdials, JdbcClient jdbc,
            EventPublisher events, TransactionTemplate tx, Clock clock) {
        this.campaigns = campaigns;
        this.outplans = outplans;
        this.outdials = outdials;
        this.jdbc = jdbc;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** The customer's status change: run starts, stop stops; stopping is not theirs to set. */
    public Campaign change(UUID customerId, UUID id, CampaignStatus status) {
        return switch (status) {
            case RUN -> start(customerId, id);
            case STOP -> stop(customerId, id);
            case STOPPING -> throw ApiException.invalidField("status", "run or stop (stopping follows a stop by itself)");
        };
    }

    /** Starts dialing; a campaign without what it needs is refused naming the missing field. */
    public Campaign start(UUID customerId, UUID id) {
        Campaign campaign = campaigns.findLive(id, customerId).orElseThrow(() -> ApiException.notFound("campaign " + id))
                .toCampaign();
        ready(campaign);
        Campaign started = tx.execute(s -> {
            int changed = jdbc.sql("UPDATE campaigns SET status = 'RUN', dial_tokens = 1, tokens_at = :now, "
                    + "next_pace_at = :now, tm_update = :now WHERE id = :id AND status <> 'RUN' AND tm_delete IS NULL")
                    .param("now", java.sql.Timestamp.from(clock.instant())).param("id", id).update();
            Campaign now = read(id);
            if (changed == 1) {
                events.publish(CampaignManagerEvents.CAMPAIGN_STATUS_RUN, now);
            }
            return now;
        });
        log.info("campaign {} of customer {} runs", id, customerId);
        return started;
    }

    /** No new dials from now on; stop at once when nothing is in flight, else stopping till the last call ends. */
    public Campaign stop(UUID customerId, UUID id) {
        campaigns.findLive(id, customerId).orElseThrow(() -> ApiException.notFound("campaign " + id));
        Campaign stopped = tx.execute(s -> {
            CampaignStatus status = lock(id).orElseThrow(() -> ApiException.notFound("campaign " + id));
            if (status == CampaignStatus.RUN) {
                set(id, CampaignStatus.STOPPING, CampaignManagerEvents.CAMPAIGN_STATUS_STOPPING);
            }
            settleLocked(id);
            return read(id);
        });
        log.info("campaign {} of customer {} asked to stop: {}", id, customerId, stopped.status());
        return stopped;
    }

    /** After an attempt ended: a stopping campaign with nothing left in flight stops. */
    public void settle(UUID id) {
        tx.executeWithoutResult(s -> lock(id).filter(st -> st == CampaignStatus.STOPPING).ifPresent(st -> settleLocked(id)));
    }

    /**
     * The dialer found no target left (end_handle stop), inside its transaction on the locked row with
     * nothing in flight: the campaign stops. Answers the campaign to start next, if any.
     */
    public Optional<UUID> finish(UUID id) {
        set(id, CampaignStatus.STOP, CampaignManagerEvents.CAMPAIGN_STATUS_STOP);
        Campaign campaign = read(id);
        log.info("campaign {} has no target left: stopped", id);
        return Optional.ofNullable(campaign.nextCampaignId());
    }

    /** Starts {@code next} after {@code previous} ended by itself; a next campaign that cannot run is logged. */
    public void startNext(UUID previous, UUID next) {
        try {
            Campaign campaign = campaigns.findLive(next).orElseThrow(() -> ApiException.notFound("campaign " + next))
                    .toCampaign();
            start(campaign.customerId(), next);
            log.info("campaign {} started after campaign {}", next, previous);
        } catch (ApiException e) {
            log.warn("campaign {} ended but its next campaign {} could not start: {}", previous, next, e.getMessage());
        }
    }

    private void ready(Campaign campaign) {
        if (campaign.outplanId() == null) {
            throw ApiException.invalidField("outplan_id", "a campaign needs an outplan to start");
        }
        if (campaign.outdialId() == null) {
            throw ApiException.invalidField("outdial_id", "a campaign needs an outdial to start");
        }
        if (campaign.flowId() == null) {
            throw ApiException.invalidField("flow_id", "a campaign needs a flow (flow_id or actions) to start");
        }
        try {
            outplans.get(campaign.customerId(), campaign.outplanId());
        } catch (ApiException e) {
            throw ApiException.invalidField("outplan_id", "outplan " + campaign.outplanId() + " no longer exists");
        }
        try {
            outdials.getOutdial(campaign.outdialId(), campaign.customerId());
        } catch (ApiException e) {
            if (e.status() != 404) {
                throw e;
            }
            throw ApiException.invalidField("outdial_id", "outdial " + campaign.outdialId() + " no longer exists");
        }
    }

    private void settleLocked(UUID id) {
        long inFlight = jdbc.sql(IN_FLIGHT).param("id", id).query(Long.class).single();
        if (inFlight == 0 && lock(id).orElse(null) == CampaignStatus.STOPPING) {
            set(id, CampaignStatus.STOP, CampaignManagerEvents.CAMPAIGN_STATUS_STOP);
            log.info("campaign {} stopped: its last call ended", id);
        }
    }

    private Optional<CampaignStatus> lock(UUID id) {
        return jdbc.sql("SELECT status FROM campaigns WHERE id = :id AND tm_delete IS NULL FOR UPDATE")
                .param("id", id).query(String.class).optional().map(CampaignStatus::valueOf);
    }

    private void set(UUID id, CampaignStatus status, String eventType) {
        jdbc.sql("UPDATE campaigns SET status = :status, tm_update = :now WHERE id = :id")
                .param("status", status.name()).param("now", java.sql.Timestamp.from(clock.instant())).param("id", id)
                .update();
        events.publish(eventType, read(id));
    }

    private Campaign read(UUID id) {
        return campaigns.findLive(id).orElseThrow(() -> ApiException.notFound("campaign " + id)).toCampaign();
    }
}
