package net.voipbin.campaignmanager.campaign;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import net.voipbin.contract.campaignmanager.Campaign;
import net.voipbin.contract.campaignmanager.CampaignStatus;
import net.voipbin.contract.flowmanager.Action;

/**
 * Bodies of {@code /v1.0/campaigns}. {@code actions} (inline) are stored as a flow of the customer's at
 * flow-manager and the campaign keeps its {@code flow_id}. Pacing: {@code dial_rate} 0.01 to 1000 dials/s
 * (default 1), {@code max_in_flight} 1 to 10 000 (default 10). Queue modes: {@code dialing_mode} power (default),
 * progressive or predictive (both need {@code queue_id}), {@code dialing_ratio} 0.1 to 10 (default 1),
 * {@code max_abandon_rate} 0 to 0.3 (a fraction, default 0.03).
 */
final class CampaignRequests {

    private CampaignRequests() {
    }

    record Create(
            @NotBlank @Size(max = 255) String name,
            @Size(max = 1000) String detail,
            Campaign.Type type,
            UUID flowId,
            @Size(min = 1, max = 1000) List<@NotNull Action> actions,
            UUID outplanId,
            UUID outdialId,
            UUID queueId,
            Campaign.EndHandle endHandle,
            UUID nextCampaignId,
            @DecimalMin("0.01") @DecimalMax("1000") Double dialRate,
            @Min(1) @Max(10_000) Integer maxInFlight,
            Campaign.DialingMode dialingMode,
            @DecimalMin("0.1") @DecimalMax("10") Double dialingRatio,
            @DecimalMin("0") @DecimalMax("0.3") Double maxAbandonRate,
            @Valid Window window) {
    }

    /** Absent fields stay as they are; {@code status} run or stop starts or stops the campaign. */
    record Update(
            @Size(min = 1, max = 255) String name,
            @Size(max = 1000) String detail,
            UUID flowId,
            @Size(min = 1, max = 1000) List<@NotNull Action> actions,
            UUID outplanId,
            UUID outdialId,
            UUID queueId,
            Campaign.EndHandle endHandle,
            UUID nextCampaignId,
            @DecimalMin("0.01") @DecimalMax("1000") Double dialRate,
            @Min(1) @Max(10_000) Integer maxInFlight,
            Campaign.DialingMode dialingMode,
            @DecimalMin("0.1") @DecimalMax("10") Double dialingRatio,
            @DecimalMin("0") @DecimalMax("0.3") Double maxAbandonRate,
            @Valid Window window,
            CampaignStatus status) {
    }

    /** {@code PUT /v1.0/campaigns/{id}/status}: run or stop (stopping is the service's, not the customer's). */
    record Status(@NotNull CampaignStatus status) {
    }

    record Window(@NotEmpty Set<@NotNull DayOfWeek> days, @NotNull LocalTime start, @NotNull LocalTime end,
            String timeZone) {

        Campaign.Window toWindow() {
            return new Campaign.Window(days, start, end, timeZone);
        }
    }
}
