package net.voipbin.asteriskproxy.ari;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import net.voipbin.asteriskproxy.config.AsteriskProperties;
import net.voipbin.asteriskproxy.events.ProxyMetrics;
import net.voipbin.rpc.envelope.RpcRequest;
import net.voipbin.rpc.envelope.RpcResponse;
import net.voipbin.rpc.error.ErrorBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Executes one ARI REST request and returns Asterisk's status and body unchanged. When Asterisk cannot
 * be reached (refused, timed out) or the circuit breaker is open after repeated failures, the answer is
 * 503 {@code ari_unavailable} within the connect/read timeouts, well inside the caller's RPC deadline.
 * Only unreachability counts as a failure for the breaker: a 404 or 500 from Asterisk is an answer.
 */
public final class AriRestClient {

    private static final Logger log = LoggerFactory.getLogger(AriRestClient.class);
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "DELETE");
    private static final Duration APP_REGISTRATION_WAIT = Duration.ofSeconds(2);
    private static final Duration APP_REGISTRATION_RETRY = Duration.ofMillis(25);
    private static final Retry UNTIL_APP_REGISTERED = Retry.of("ari-app-registration", RetryConfig.<RpcResponse>custom()
            .maxAttempts((int) (APP_REGISTRATION_WAIT.toMillis() / APP_REGISTRATION_RETRY.toMillis()) + 1)
            .waitDuration(APP_REGISTRATION_RETRY).retryOnResult(response -> response.statusCode() == 404)
            .failAfterMaxAttempts(false).build());

    private final AsteriskProperties properties;
    private final CloseableHttpClient http;
    private final CircuitBreaker breaker;
    private final ProxyMetrics metrics;
    private final JsonMapper json;

    public AriRestClient(AsteriskProperties properties, CloseableHttpClient http, CircuitBreaker breaker, ProxyMetrics metrics,
            JsonMapper json) {
        this.properties = properties;
        this.http = http;
        this.breaker = breaker;
        this.metrics = metrics;
        this.json = json;
    }

    /** {@code uri} is an ARI path with its query ({@code /ari/channels/1.2/play?media=sound:x}). */
    public RpcResponse execute(String method, String uri, JsonNode body) {
        ClassicHttpRequest request;
        try {
            request = request(method, uri, body);
        } catch (IllegalArgumentException e) {
            return error(400, "invalid_request", e.getMessage());
        }
        if (!breaker.tryAcquirePermission()) {
            return error(503, "ari_unavailable", "Asterisk ARI at " + properties.ariUrl()
                    + " is unavailable: circuit open after repeated connection failures");
        }
        long started = System.nanoTime();
        try {
            RpcResponse response = http.execute(request, answer -> new RpcResponse(answer.getCode(), RpcRequest.JSON,
                    parse(answer.getEntity() == null ? null : EntityUtils.toByteArray(answer.getEntity()))));
            breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            metrics.restCall(response.statusCode());
            return response;
        } catch (IOException e) {
            breaker.onError(System.nanoTime() - started, TimeUnit.NANOSECONDS, e);
            log.warn("ARI {} {} failed: {}", method, uri, describe(e));
            return error(503, "ari_unavailable", "Asterisk ARI at " + properties.ariUrl() + " unreachable: " + describe(e));
        }
    }

    /** The ids of the channels alive in the app ({@code GET /ari/channels}); fails unless Asterisk answers 200. */
    public List<String> channelIds() {
        RpcResponse response = execute("GET", "/ari/channels", null);
        if (response.statusCode() != 200 || response.data() == null || !response.data().isArray()) {
            throw new IllegalStateException("GET /ari/channels answered " + response.statusCode() + " " + response.data());
        }
        List<String> ids = new ArrayList<>();
        response.data().forEach(channel -> ids.add(channel.get("id").asString()));
        return ids;
    }

    /**
     * Asks Asterisk not to send the app events of these types ({@code PUT /applications/{app}/eventFilter},
     * Asterisk 16.3 and later): the platform ignores them, and every one would otherwise cross the broker.
     * An Asterisk that refuses is logged; it then sends every type. No types: nothing is asked.
     */
    public void disallowEvents(List<String> types) {
        if (types.isEmpty()) {
            return;
        }
        ObjectNode filter = json.createObjectNode();
        ArrayNode disallowed = filter.putArray("disallowed");
        types.forEach(type -> disallowed.addObject().put("type", type));
        String uri = "/ari/applications/" + properties.app() + "/eventFilter";
        // Asterisk answers the WebSocket handshake before it registers the application, so a filter sent
        // at once can find no application yet (404): it is sent again until the registration is done.
        RpcResponse response = UNTIL_APP_REGISTERED.executeSupplier(() -> execute("PUT", uri, filter));
        if (response.statusCode() != 200) {
            log.warn("Asterisk did not take the event filter ({} {}): every event type is forwarded",
                    response.statusCode(), response.data());
        }
    }

    private ClassicHttpRequest request(String method, String uri, JsonNode body) {
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("method " + method + " is not an ARI method");
        }
        String path = uri.startsWith("/ari/") ? uri : "/ari" + (uri.startsWith("/") ? uri : "/" + uri);
        ClassicRequestBuilder builder = ClassicRequestBuilder.create(method).setUri(URI.create(base() + path))
                .addHeader("Authorization", properties.basicAuthorization())
                .addHeader("Accept", "application/json");
        if (body != null) {
            builder.setEntity(new ByteArrayEntity(json.writeValueAsBytes(body), ContentType.APPLICATION_JSON));
        }
        return builder.build();
    }

    private static String describe(IOException e) {
        if (e instanceof java.net.ConnectException && e.getMessage() == null) {
            return "connection refused";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private String base() {
        String url = properties.ariUrl().toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Asterisk answers JSON; anything else is passed on as {@code {"message": <text>}}. */
    private JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode node = json.readTree(body);
            return node == null || node.isMissingNode() ? null : node;
        } catch (RuntimeException e) {
            String text = new String(body, StandardCharsets.UTF_8);
            return text.isBlank() ? null : json.createObjectNode().put("message", text);
        }
    }

    private RpcResponse error(int status, String code, String message) {
        metrics.restCall(status);
        return new RpcResponse(status, RpcRequest.JSON, json.valueToTree(ErrorBody.of(code, message)));
    }
}
