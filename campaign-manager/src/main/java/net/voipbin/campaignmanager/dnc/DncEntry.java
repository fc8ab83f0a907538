package net.voipbin.campaignmanager.dnc;

import java.time.Instant;
import java.util.UUID;

/** One number (E.164) the customer's campaigns must never dial. */
public record DncEntry(UUID id, UUID customerId, String number, String note, Instant tmCreate, Instant tmUpdate) {
}
