package net.voipbin.campaignmanager.campaign;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import net.voipbin.contract.campaignmanager.Campaign;
import net.voipbin.contract.campaignmanager.CampaignStatus;

/**
 * A campaign's settings as stored. Its status is read here but never written by a save: status changes
 * are SQL on the locked row ({@link CampaignRuns}), so a PUT racing a stop cannot undo it.
 */
@Table("campaigns")
class CampaignEntity {

    @Id
    private final UUID id;
    private final UUID customerId;
    private String name;
    private String detail;
    private final Campaign.Type type;
    private UUID flowId;
    private UUID outplanId;
    private UUID outdialId;
    private UUID queueId;
    private Campaign.EndHandle endHandle;
    private UUID nextCampaignId;
    private double dialRate;
    private int maxInFlight;
    private Campaign.DialingMode dialingMode;
    private double dialingRatio;
    private double maxAbandonRate;
    private List<String> windowDays;
    private LocalTime windowStart;
    private LocalTime windowEnd;
    private String windowTimeZone;
    @ReadOnlyProperty
    private final CampaignStatus status;
    @Version
    private Long version;
    private final Instant tmCreate;
    private Instant tmUpdate;
    private Instant tmDelete;

    @PersistenceCreator
    CampaignEntity(UUID id, UUID customerId, String name, String detail, Campaign.Type type, UUID flowId,
            UUID outplanId, UUID outdialId, UUID queueId, Campaign.EndHandle endHandle, UUID nextCampaignId,
            double dialRate, int maxInFlight, Campaign.DialingMode dialingMode, double dialingRatio,
            double maxAbandonRate, List<String> windowDays, LocalTime windowStart, LocalTime windowEnd,
            String windowTimeZone, CampaignStatus status, Long version, Instant tmCreate, Instant tmUpdate,
            Instant tmDelete) {
        this.id = id;
        this.customerId = customerId;
        this.name = name;
        this.detail = detail;
        this.type = type;
        this.flowId = flowId;
        this.outplanId = outplanId;
        this.outdialId = outdialId;
        this.queueId = queueId;
        this.endHandle = endHandle;
        this.nextCampaignId = nextCampaignId;
        this.dialRate = dialRate;
        this.maxInFlight = maxInFlight;
        this.dialingMode = dialingMode == null ? Campaign.DialingMode.POWER : dialingMode;
        this.dialingRatio = dialingRatio;
        this.maxAbandonRate = maxAbandonRate;
        this.windowDays = windowDays;
        this.windowStart = windowStart;
        this.windowEnd = windowEnd;
        this.windowTimeZone = windowTimeZone;
        this.status = status == null ? CampaignStatus.STOP : status;
        this.version = version;
        this.tmCreate = tmCreate;
        this.tmUpdate = tmUpdate;
        this.tmDelete = tmDelete;
    }

    static CampaignEntity create(UUID customerId, CampaignSettings s, Instant now) {
        CampaignEntity entity = new CampaignEntity(UUID.randomUUID(), customerId, s.name(), s.detail(), s.type(), null,
                null, null, null, s.endHandle(), null, s.dialRate(), s.maxInFlight(), s.dialingMode(), s.dialingRatio(),
                s.maxAbandonRate(), null, null, null, null,
                CampaignStatus.STOP, null, now, now, null);
        entity.apply(s, now);
        return entity;
    }

    /** The settings as given (the service has merged absent fields with the stored ones). */
    void apply(CampaignSettings s, Instant now) {
        name = s.name();
        detail = s.detail();
        flowId = s.flowId();
        outplanId = s.outplanId();
        outdialId = s.outdialId();
        queueId = s.queueId();
        endHandle = s.endHandle();
        nextCampaignId = s.nextCampaignId();
        dialRate = s.dialRate();
        maxInFlight = s.maxInFlight();
        dialingMode = s.dialingMode();
        dialingRatio = s.dialingRatio();
        maxAbandonRate = s.maxAbandonRate();
        Campaign.Window w = s.window();
        windowDays = w == null ? null : w.days().stream().sorted().map(d -> d.name().toLowerCase(Locale.ROOT)).toList();
        windowStart = w == null ? null : w.start();
        windowEnd = w == null ? null : w.end();
        windowTimeZone = w == null ? null : w.timeZone();
        tmUpdate = now;
    }

    void delete(Instant now) {
        tmDelete = now;
        tmUpdate = now;
    }

    CampaignStatus status() {
        return status;
    }

    Campaign toCampaign() {
        Campaign.Window window = windowDays == null ? null : new Campaign.Window(windowDays.stream()
                .map(d -> DayOfWeek.valueOf(d.toUpperCase(Locale.ROOT))).collect(Collectors.toSet()), windowStart,
                windowEnd, windowTimeZone);
        return new Campaign(id, customerId, name, detail, type, flowId, outplanId, outdialId, queueId, endHandle,
                nextCampaignId, dialRate, maxInFlight, dialingMode, dialingRatio, maxAbandonRate, window, status, tmCreate, tmUpdate);
    }
}
