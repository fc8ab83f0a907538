package net.voipbin.apigateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code voipbin.gateway.*}: where each service's REST API is, how long the gateway waits for it, how
 * fast one customer may call, and how many events a live client may fall behind.
 *
 * @param services       service name → its REST base URL ({@code http://127.0.0.1:8081})
 * @param connectTimeout a service that does not accept the connection in this time is down (503)
 * @param readTimeout    a service that does not answer in this time is down (503); longer than any
 *                       service's own RPC deadline, so a slow RPC answers with its own 504 first
 */
@ConfigurationProperties("voipbin.gateway")
public record GatewayProperties(
        Map<String, URI> services,
        Duration connectTimeout,
        Duration readTimeout,
        RateLimit rateLimit,
        Events events) {

    public GatewayProperties {
        services = services == null ? Map.of() : Map.copyOf(services);
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(1) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
        rateLimit = rateLimit == null ? new RateLimit(0, 0) : rateLimit;
        events = events == null ? new Events(0) : events;
    }

    /**
     * Per customer: on average {@code requestsPerSecond}, at most {@code burst} at once (a window of
     * {@code burst} requests that refills every {@code burst / requestsPerSecond} seconds).
     */
    public record RateLimit(int requestsPerSecond, int burst) {

        public RateLimit {
            requestsPerSecond = requestsPerSecond <= 0 ? 50 : requestsPerSecond;
            burst = burst <= 0 ? 2 * requestsPerSecond : Math.max(burst, 1);
        }
    }

    /** @param clientBuffer events a live client may have unsent before it is closed as too slow */
    public record Events(int clientBuffer) {

        public Events {
            clientBuffer = clientBuffer <= 0 ? 4096 : clientBuffer;
        }
    }
}
