package net.voipbin.contract.campaignmanager;

import java.util.UUID;

/**
 * A campaign's attempts so far: {@code dialed} (originates sent), {@code answered}, {@code in_flight}
 * (dialing or progressing now), per result, and {@code success_rate} = success / dialed (0 when none).
 * {@code abandoned}: answered calls not connected to an agent of the campaign's queue within 2 s of the answer
 * (late, or never: the caller hung up or left the queue first); {@code abandon_rate} = abandoned / answered.
 */
public record CampaignStatistics(
        UUID campaignId,
        long dialed,
        long answered,
        long inFlight,
        long success,
        long fail,
        long busy,
        long noAnswer,
        long unavailable,
        long dnc,
        double successRate,
        long abandoned,
        double abandonRate) {
}
