package net.voipbin.pipecatmanager.tool;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import net.voipbin.contract.pipecatmanager.PipecatcallCreate.ToolEndpoint;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs a tool call to the customer's endpoint, signed like webhooks:
 * {@code X-VoIPBIN-Signature: sha256=<hex HMAC-SHA256 of the raw body with the endpoint's secret>}.
 * The platform has no SMS or CRM of its own; the customer's endpoint does the work and answers JSON.
 */
public final class ToolEndpointClient {

    public static final String SIGNATURE_HEADER = "X-VoIPBIN-Signature";

    private final HttpClient http;
    private final JsonMapper json;
    private final Duration timeout;

    public ToolEndpointClient(JsonMapper json, Duration timeout) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.json = json;
        this.timeout = timeout;
    }

    /** Blocking (callers run it on a virtual thread); any failure becomes an error outcome. */
    public ToolOutcome post(ToolEndpoint endpoint, JsonNode body) {
        byte[] raw = json.writeValueAsBytes(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url()))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(SIGNATURE_HEADER, "sha256=" + sign(raw, endpoint.secret()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(raw))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                return ToolOutcome.error("tool_endpoint_error", "tool endpoint answered " + response.statusCode());
            }
            String text = response.body();
            return ToolOutcome.ok(text == null || text.isBlank() ? null : json.readTree(text));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ToolOutcome.error("tool_endpoint_error", "interrupted");
        } catch (Exception e) {
            return ToolOutcome.error("tool_endpoint_error", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    public static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
