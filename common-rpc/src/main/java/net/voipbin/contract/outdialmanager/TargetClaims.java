package net.voipbin.contract.outdialmanager;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to a claim: up to {@code limit} claims, oldest due first. When fewer came back than asked,
 * {@code next_due_at} says when the outdial's next target falls due (an idle one's next try, or a
 * progressing one's lease expiry), and is null when no target is left to dial: every one is done,
 * failed, dnc or deleted.
 */
public record TargetClaims(
        List<TargetClaim> claims,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant nextDueAt) {

    public TargetClaims {
        claims = claims == null ? List.of() : List.copyOf(claims);
    }

    /** True when nothing is left to dial in the outdial (only meaningful when fewer claims came back). */
    public boolean exhausted() {
        return claims.isEmpty() && nextDueAt == null;
    }
}
