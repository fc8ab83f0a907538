package net.voipbin.contract.campaignmanager;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An outbound campaign: dials its outdial's targets per its outplan; an answered call runs
 * {@code flow_id} ({@code type call}), or each target gets an activeflow without a call
 * ({@code type flow}). {@code dial_rate} caps dials per second and {@code max_in_flight} the calls
 * alive at once, across every campaign-manager instance. {@code end_handle}: {@code stop} ends the
 * campaign when no target is left, {@code continue} keeps it running for targets added later;
 * {@code next_campaign_id} is started when this one stops on its own. {@code dialing_mode}: {@code power} (dial up
 * to the caps), or with {@code queue_id} {@code progressive} (calls waiting for an agent at most the queue's
 * available agents x {@code dialing_ratio}) or {@code predictive} (dials ahead from the measured answer rate and
 * talk time, holding the abandon rate at or below {@code max_abandon_rate}, a fraction: 0.03 = 3 %).
 */
public record Campaign(
        UUID id,
        UUID customerId,
        String name,
        String detail,
        Type type,
        UUID flowId,
        UUID outplanId,
        UUID outdialId,
        @JsonInclude(JsonInclude.Include.NON_NULL) UUID queueId,
        EndHandle endHandle,
        @JsonInclude(JsonInclude.Include.NON_NULL) UUID nextCampaignId,
        double dialRate,
        int maxInFlight,
        DialingMode dialingMode,
        double dialingRatio,
        double maxAbandonRate,
        @JsonInclude(JsonInclude.Include.NON_NULL) Window window,
        CampaignStatus status,
        Instant tmCreate,
        Instant tmUpdate) {

    public enum Type { CALL, FLOW }

    public enum EndHandle { STOP, CONTINUE }

    public enum DialingMode { POWER, PROGRESSIVE, PREDICTIVE }

    /** Days and hours a target may be called, in the target's own time zone (else {@code time_zone}, else UTC). */
    public record Window(Set<DayOfWeek> days, LocalTime start, LocalTime end, String timeZone) {

        public Window {
            days = days == null ? null : Set.copyOf(days);
        }
    }
}
