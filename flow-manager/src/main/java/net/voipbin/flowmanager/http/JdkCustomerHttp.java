package net.voipbin.flowmanager.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import net.voipbin.rpc.signature.VoipbinSignature;

/**
 * {@link CustomerHttp} on the JDK client. The signature is webhook-manager's scheme:
 * {@code X-VoIPBIN-Signature: sha256=<hex HMAC-SHA256 of the raw body keyed with the secret>}. Redirects
 * are not followed (a redirect could lead past the URL guard).
 */
@Component
class JdkCustomerHttp implements CustomerHttp {

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final UrlGuard guard;

    JdkCustomerHttp(@Value("${voipbin.flow.allow-private-urls:false}") boolean allowPrivateUrls) {
        this.guard = new UrlGuard(allowPrivateUrls);
    }

    @Override
    public Response post(String url, byte[] body, String secret, Duration timeout) {
        URI target = URI.create(url);
        guard.check(target);
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "voipbin-flow-manager")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (secret != null && !secret.isBlank()) {
            request.header(VoipbinSignature.HEADER, VoipbinSignature.of(secret, body));
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.body());
        } catch (HttpTimeoutException e) {
            throw new CustomerHttpException("no answer from " + url + " within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            throw new CustomerHttpException("POST " + url + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CustomerHttpException("interrupted");
        }
    }
}
