package net.voipbin.rpc.urlguard;

import java.time.Duration;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP client for customer URLs: Apache HttpClient 5 (the JDK client cannot be told which address
 * to connect to, so it would resolve the name a second time), resolving through the guard. Redirects
 * are never followed (a public endpoint could bounce the request inward), nothing is retried behind the
 * caller's back, no cookies or auth state carry over from one customer's request to another's.
 */
public final class GuardedHttpClients {

    private GuardedHttpClients() {
    }

    /** {@code readTimeout} is the default; a request may set its own response timeout. */
    public static CloseableHttpClient create(UrlGuard guard, Duration connectTimeout, Duration readTimeout,
            String userAgent) {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new GuardedDnsResolver(guard))
                        .setMaxConnTotal(256)
                        .setMaxConnPerRoute(32)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(readTimeout))
                                .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                                .setTimeToLive(TimeValue.ofMinutes(5))
                                .build())
                        .build())
                .setDefaultRequestConfig(noRedirects(readTimeout))
                .setUserAgent(userAgent)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
    }

    /** A request's own configuration replaces the client's, so it must repeat that redirects are off. */
    public static RequestConfig noRedirects(Duration responseTimeout) {
        return RequestConfig.custom()
                .setResponseTimeout(Timeout.of(responseTimeout))
                .setRedirectsEnabled(false)
                .build();
    }
}
