package net.voipbin.pipecatmanager.tool;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

import net.voipbin.contract.pipecatmanager.PipecatcallCreate.ToolEndpoint;
import net.voipbin.rpc.signature.VoipbinSignature;
import net.voipbin.rpc.urlguard.GuardedHttpClients;
import net.voipbin.rpc.urlguard.UrlGuard;
import net.voipbin.rpc.urlguard.UrlKind;
import net.voipbin.rpc.urlguard.UrlRefusedException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs a tool call to the customer's endpoint, signed like webhooks:
 * {@code X-VoIPBIN-Signature: sha256=<hex HMAC-SHA256 of the raw body with the endpoint's secret>}.
 * The platform has no SMS or CRM of its own; the customer's endpoint does the work and answers JSON.
 * The endpoint's host is resolved once, by the fleet's URL guard, and the connection goes to the
 * address it checked; redirects are not followed. Error results are the runner's (and the customer's,
 * in {@code pipecatcall_tool_called}) to read, so they say what happened, not which exception.
 */
public final class ToolEndpointClient implements AutoCloseable {

    private static final ContentType JSON = ContentType.create("application/json");

    private final CloseableHttpClient http;
    private final JsonMapper json;
    private final Duration timeout;

    public ToolEndpointClient(UrlGuard guard, JsonMapper json, Duration timeout) {
        this.http = GuardedHttpClients.create(guard, timeout, timeout, "voipbin-pipecat-manager");
        this.json = json;
        this.timeout = timeout;
    }

    /** Blocking (callers run it on a virtual thread); any failure becomes an error outcome. */
    public ToolOutcome post(ToolEndpoint endpoint, JsonNode body) {
        byte[] raw = json.writeValueAsBytes(body);
        try {
            HttpPost request = new HttpPost(UrlGuard.parse(endpoint.url(), UrlKind.HTTP));
            request.setHeader(VoipbinSignature.HEADER, VoipbinSignature.of(endpoint.secret(), raw));
            request.setEntity(new ByteArrayEntity(raw, JSON));
            return http.execute(request, response -> {
                String text = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                if (response.getCode() / 100 != 2) {
                    return ToolOutcome.error("tool_endpoint_error", "tool endpoint answered " + response.getCode());
                }
                return ToolOutcome.ok(text.isBlank() ? null : json.readTree(text));
            });
        } catch (UrlRefusedException e) {
            return ToolOutcome.error("tool_endpoint_refused", e.getMessage());
        } catch (SocketTimeoutException e) {
            return ToolOutcome.error("tool_endpoint_error", "tool endpoint did not answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
            return ToolOutcome.error("tool_endpoint_error", "interrupted");
        } catch (IOException e) {
            return ToolOutcome.error("tool_endpoint_error", "tool endpoint unreachable: " + e.getMessage());
        } catch (JacksonException e) {
            return ToolOutcome.error("tool_endpoint_error", "tool endpoint answered something that is not JSON");
        }
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
