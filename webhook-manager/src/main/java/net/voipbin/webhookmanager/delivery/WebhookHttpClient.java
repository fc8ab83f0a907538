package net.voipbin.webhookmanager.delivery;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import net.voipbin.rpc.urlguard.GuardedDnsResolver;
import net.voipbin.rpc.urlguard.UrlGuard;
import net.voipbin.webhookmanager.config.WebhookProperties;

/**
 * Apache HttpClient 5, blocking, on the workers' virtual threads: HTTP/1.1 with keep-alive, about a
 * third less CPU per request than the JDK client. Redirects are never followed (an SSRF guard could
 * be bounced past), nothing is retried behind the schedule's back, and every connection is opened to
 * addresses the fleet's URL guard resolved and checked (common-rpc's {@link GuardedDnsResolver}), so
 * DNS is asked once per connection. One route may hold every worker: many customers' endpoints can
 * share a host, and the per-endpoint bulkhead is what limits one endpoint.
 */
final class WebhookHttpClient {

    private WebhookHttpClient() {
    }

    static CloseableHttpClient create(WebhookProperties properties, UrlGuard guard) {
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new GuardedDnsResolver(guard))
                .setMaxConnTotal(properties.maxInFlight())
                .setMaxConnPerRoute(properties.maxInFlight())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                        .setSocketTimeout(Timeout.of(properties.readTimeout()))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        .build())
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(properties.readTimeout()))
                        .setRedirectsEnabled(false)
                        .build())
                .setUserAgent("VoIPBIN-Webhooks/1.0")
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .disableConnectionState()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
    }
}
