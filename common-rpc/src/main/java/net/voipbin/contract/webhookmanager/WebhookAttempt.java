package net.voipbin.contract.webhookmanager;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One HTTP attempt of a delivery: the status code (absent when no response came: timeout, refused
 * connection, open circuit), the latency and the error, with the start of the response body.
 */
public record WebhookAttempt(
        int attempt,
        Instant tmAttempt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer statusCode,
        long latencyMs,
        @JsonInclude(JsonInclude.Include.NON_NULL) String error) {
}
