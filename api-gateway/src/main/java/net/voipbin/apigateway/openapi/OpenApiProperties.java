package net.voipbin.apigateway.openapi;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code voipbin.gateway.openapi.*}: how the merged API document is built from the services' own.
 *
 * @param cache        how long a merged document is served before the services are asked again
 * @param partialCache how long a document missing a service is served: a service coming up shows soon
 * @param fetchTimeout how long one service may take to hand over its document before it is left out
 */
@ConfigurationProperties("voipbin.gateway.openapi")
public record OpenApiProperties(Duration cache, Duration partialCache, Duration fetchTimeout) {

    public OpenApiProperties {
        cache = cache == null ? Duration.ofSeconds(10) : cache;
        partialCache = partialCache == null ? Duration.ofSeconds(1) : partialCache;
        fetchTimeout = fetchTimeout == null ? Duration.ofSeconds(3) : fetchTimeout;
    }
}
