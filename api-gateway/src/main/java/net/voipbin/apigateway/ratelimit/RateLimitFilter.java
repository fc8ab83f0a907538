package net.voipbin.apigateway.ratelimit;

import java.io.IOException;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import net.voipbin.apigateway.config.Caller;
import net.voipbin.rpc.error.ErrorBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * Counts every {@code /v1.0} request against its caller's limit, after the token was verified; over the
 * limit the caller gets {@code 429 rate_limited} with {@code Retry-After} and the service is not called.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final CustomerRateLimits limits;
    private final JsonMapper json;

    RateLimitFilter(CustomerRateLimits limits, JsonMapper json) {
        this.limits = limits;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/v1.0/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> caller = Caller.key(SecurityContextHolder.getContext().getAuthentication());
        if (caller.isPresent()) {
            CustomerRateLimits.Decision decision = limits.acquire(caller.get());
            if (!decision.granted()) {
                log.debug("rate limit: {} refused {} {}", caller.get(), request.getMethod(), request.getRequestURI());
                response.setStatus(429);
                response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                json.writeValue(response.getOutputStream(),
                        ErrorBody.of("rate_limited", "too many requests: retry after " + decision.retryAfterSeconds() + " s"));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
