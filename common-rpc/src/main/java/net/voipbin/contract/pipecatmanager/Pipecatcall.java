package net.voipbin.contract.pipecatmanager;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An AI voice session bridging one call's audio (AudioSocket) with a Pipecat runner (WebSocket).
 * {@code status}: starting (audio requested), running (Asterisk and runner connected), ended.
 */
public record Pipecatcall(
        UUID id,
        UUID callId,
        String status,
        String audioFormat,
        String runnerUrl,
        @JsonInclude(JsonInclude.Include.NON_NULL) String toolUrl,
        @JsonInclude(JsonInclude.Include.NON_NULL) String endReason,
        Instant tmCreate,
        Instant tmUpdate) {

    public static final String STATUS_STARTING = "starting";
    public static final String STATUS_RUNNING = "running";
    public static final String STATUS_ENDED = "ended";
}
