package net.voipbin.flowmanager.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import net.voipbin.rpc.signature.VoipbinSignature;
import net.voipbin.rpc.urlguard.GuardedHttpClients;
import net.voipbin.rpc.urlguard.UrlGuard;
import net.voipbin.rpc.urlguard.UrlKind;
import net.voipbin.rpc.urlguard.UrlRefusedException;

/**
 * {@link CustomerHttp} on the fleet's guarded client: the host is resolved once, by the URL guard, and
 * the connection goes to the address it checked (a second lookup could answer an inside address).
 * Redirects are not followed. The signature is webhook-manager's scheme:
 * {@code X-VoIPBIN-Signature: sha256=<hex HMAC-SHA256 of the raw body keyed with the secret>}.
 */
@Component
class GuardedCustomerHttp implements CustomerHttp, AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final ContentType JSON = ContentType.create("application/json");

    private final CloseableHttpClient client;

    /** {@code voipbin.flow.allow-private-urls=true}, the older switch, allows every network on top of the fleet's setting. */
    @Autowired
    GuardedCustomerHttp(UrlGuard fleetGuard, @Value("${voipbin.flow.allow-private-urls:false}") boolean allowPrivateUrls) {
        this(allowPrivateUrls ? fleetGuard.allowing(UrlGuard.EVERY_NETWORK) : fleetGuard);
    }

    GuardedCustomerHttp(UrlGuard guard) {
        this.client = GuardedHttpClients.create(guard, CONNECT_TIMEOUT, Duration.ofSeconds(3), "voipbin-flow-manager");
    }

    @Override
    public Response post(String url, byte[] body, String secret, Duration timeout) {
        HttpPost post = new HttpPost(target(url));
        post.setConfig(GuardedHttpClients.noRedirects(timeout));
        post.setEntity(new ByteArrayEntity(body, JSON));
        if (secret != null && !secret.isBlank()) {
            post.setHeader(VoipbinSignature.HEADER, VoipbinSignature.of(secret, body));
        }
        try {
            return client.execute(post, response -> new Response(response.getCode(),
                    response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity())));
        } catch (UrlRefusedException e) {
            throw new CustomerHttpException("refused: " + e.getMessage());
        } catch (ConnectTimeoutException e) {
            throw new CustomerHttpException("could not connect to " + url + " within " + CONNECT_TIMEOUT.toMillis() + " ms");
        } catch (SocketTimeoutException e) {
            throw new CustomerHttpException("no answer from " + url + " within " + timeout.toMillis() + " ms");
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
            throw new CustomerHttpException("interrupted");
        } catch (IOException e) {
            throw new CustomerHttpException("POST " + url + " failed: " + e.getMessage());
        }
    }

    private static URI target(String url) {
        try {
            return UrlGuard.parse(url, UrlKind.HTTP);
        } catch (UrlRefusedException e) {
            throw new CustomerHttpException("refused: " + e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
