package net.voipbin.campaignmanager.dialing;

import java.util.UUID;

/** A call of the campaign was connected to an agent or left its queue (signal within the instance). */
record QueueMoved(UUID campaignId) {
}
