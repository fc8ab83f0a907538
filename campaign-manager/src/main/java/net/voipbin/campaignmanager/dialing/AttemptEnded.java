package net.voipbin.campaignmanager.dialing;

import java.util.UUID;

/** In-process signal: an attempt of the campaign ended, so the pacer looks at it at once. */
record AttemptEnded(UUID campaignId) {
}
