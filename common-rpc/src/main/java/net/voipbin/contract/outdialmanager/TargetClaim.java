package net.voipbin.contract.outdialmanager;

import java.time.Instant;
import java.util.UUID;

/**
 * One claimed target attempt: dial {@code destination} (slot {@code slot} of the target, its attempt
 * number {@code try_number}, counting from 1) and report with {@code claim_id} before
 * {@code lease_expires_at}, or renew. {@code target} is the target as claimed (status progressing).
 */
public record TargetClaim(
        UUID claimId,
        int slot,
        String destination,
        int tryNumber,
        Instant leaseExpiresAt,
        OutdialTarget target) {
}
