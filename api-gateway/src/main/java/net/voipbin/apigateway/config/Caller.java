package net.voipbin.apigateway.config;

import java.util.Optional;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;

import net.voipbin.rpc.auth.JwtTokens;

/** Who a verified bearer token names, as the services read it: the {@code customer_id} claim. */
public final class Caller {

    private Caller() {
    }

    /** The customer of a verified token; empty for no token, an operator's, or a claim that is not a UUID. */
    public static Optional<UUID> customer(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(jwt.getClaimAsString(JwtTokens.CUSTOMER_CLAIM)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** The name a rate limit counts under: the customer, else the token's subject (an operator). */
    public static Optional<String> key(Authentication authentication) {
        Optional<UUID> customer = customer(authentication);
        if (customer.isPresent()) {
            return customer.map(UUID::toString);
        }
        return authentication != null && authentication.getPrincipal() instanceof Jwt jwt
                ? Optional.ofNullable(jwt.getSubject()) : Optional.empty();
    }
}
