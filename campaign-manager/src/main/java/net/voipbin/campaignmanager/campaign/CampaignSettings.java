package net.voipbin.campaignmanager.campaign;

import java.util.UUID;

import net.voipbin.contract.campaignmanager.Campaign;

/** Every setting of a campaign after a create or a change, checked and merged. */
record CampaignSettings(String name, String detail, Campaign.Type type, UUID flowId, UUID outplanId, UUID outdialId,
        UUID queueId, Campaign.EndHandle endHandle, UUID nextCampaignId, double dialRate, int maxInFlight,
        Campaign.DialingMode dialingMode, double dialingRatio, double maxAbandonRate, Campaign.Window window) {
}
