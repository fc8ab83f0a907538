package net.voipbin.pipecatmanager.tool;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;


import net.voipbin.contract.pipecatmanager.PipecatcallCreate.ToolEndpoint;
import net.voipbin.rpc.signature.VoipbinSignature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs a tool call to the customer's endpoint, signed like webhooks:
 * {@code X-VoIPBIN-Signature: sha256=<hex HMAC-SHA256 of the raw body with the endpoint's secret>}.
 * The platform has no SMS or CRM of its own; the customer's endpoint does the work and answers JSON.
 */
public final class ToolEndpointClient {


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
                .header(VoipbinSignature.HEADER, VoipbinSignature.of(endpoint.secret(), raw))
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
}
