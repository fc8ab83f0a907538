package net.voipbin.rpc.config;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.access.AccessDeniedHandler;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import net.voipbin.rpc.auth.JwtTokens;
import net.voipbin.rpc.error.ErrorBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who is an operator: the bearer of a fleet-key JWT with {@code role=operator} (minted by
 * {@code scripts/mint-token.sh --operator}). Whoever holds the fleet key can already mint any customer's
 * token, so the operator role needs no key or setting of its own, and local mode and compose work as
 * they are. Operators see health details and the metrics; customers and anonymous callers see statuses.
 */
public final class OperatorAccess {

    public static final String ROLE_CLAIM = "role";
    public static final String OPERATOR = "operator";
    /** The role Spring Boot's health endpoint checks ({@code management.endpoint.health.roles}). */
    public static final String ROLE = "OPERATOR";

    private OperatorAccess() {
    }

    public static boolean isOperator(Jwt jwt) {
        return OPERATOR.equals(jwt.getClaimAsString(ROLE_CLAIM));
    }

    /** An operator token, as {@code scripts/mint-token.sh --operator} prints one (for tools and tests). */
    public static String mint(String fleetKey, Duration validity) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(OPERATOR).claim(ROLE_CLAIM, OPERATOR)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(validity))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(JwtTokens.key(fleetKey)));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign token", e);
        }
        return jwt.serialize();
    }

    /** A verified token's authorities: {@code ROLE_OPERATOR} for an operator's, none for a customer's. */
    static JwtAuthenticationConverter jwtConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> isOperator(jwt)
                ? List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)) : List.of());
        return converter;
    }

    /** 403 in the fleet's error format: a valid token that is not an operator's, on an operator-only path. */
    static AccessDeniedHandler forbidden(JsonMapper json) {
        return (request, response, denied) -> {
            response.setStatus(403);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(),
                    ErrorBody.of("permission_denied", "an operator token is required"));
        };
    }
}
