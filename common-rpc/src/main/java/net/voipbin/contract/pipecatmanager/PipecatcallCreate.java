package net.voipbin.contract.pipecatmanager;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code POST /v1/pipecatcalls}. {@code audio_format}: {@code slin16} (default; 16 kHz, no
 * resampling), {@code slin} (8 kHz) or {@code ulaw} (8 kHz G.711). {@code tool_endpoint} receives the
 * runner's send_sms / create_ticket / lookup_customer / schedule_callback calls, signed like webhooks.
 */
public record PipecatcallCreate(
        @NotNull UUID callId,
        @NotBlank @Pattern(regexp = "wss?://.+", message = "must be a ws:// or wss:// URL") String runnerUrl,
        @Pattern(regexp = "slin16|slin|ulaw", message = "must be slin16, slin or ulaw") String audioFormat,
        @Valid ToolEndpoint toolEndpoint) {

    /** Where tool calls go: POSTed JSON with {@code X-VoIPBIN-Signature: sha256=<hex HMAC-SHA256(body, secret)>}. */
    public record ToolEndpoint(
            @NotBlank @Pattern(regexp = "https?://.+", message = "must be an http(s) URL") String url,
            @NotBlank String secret) {
    }
}
