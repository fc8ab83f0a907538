package net.voipbin.asteriskproxy.ari;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import net.voipbin.asteriskproxy.config.AsteriskProperties;

/**
 * The HTTP client for ARI REST: Apache HttpClient 5, blocking on the RPC consumer's own thread, HTTP/1.1
 * keep-alive. The JDK client hands every exchange through its selector thread and executor stages,
 * which cost about twice the CPU per request (two requests per call: answer and hangup). Nothing is
 * retried behind the caller's back (a POST to ARI is not idempotent) and redirects are not followed.
 * Connections idle longer than a second are checked before reuse: Asterisk closes idle HTTP sessions.
 */
public final class AriHttpClient {

    private AriHttpClient() {
    }

    public static CloseableHttpClient create(AsteriskProperties.Rest rest) {
        // Every RPC consumer of both request queues, plus the stream's snapshot and filter requests.
        int connections = 2 * rest.consumers() + 2;
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(connections)
                .setMaxConnPerRoute(connections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(rest.connectTimeout()))
                        .setSocketTimeout(Timeout.of(rest.readTimeout()))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                        .build())
                .build();
        return HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(rest.connectTimeout()))
                        .setResponseTimeout(Timeout.of(rest.readTimeout()))
                        .setRedirectsEnabled(false)
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .disableConnectionState()
                .evictIdleConnections(TimeValue.ofSeconds(10))
                .build();
    }
}
