package net.voipbin.contract.outdialmanager;

import java.util.UUID;

/**
 * Payload of {@code outdialtargets_imported}: one event for a bulk import instead of one per target.
 * {@code rejected} rows were refused (the REST answer lists them with their reasons).
 */
public record OutdialTargetsImported(UUID id, UUID customerId, UUID outdialId, int imported, int rejected,
        String format) {
}
