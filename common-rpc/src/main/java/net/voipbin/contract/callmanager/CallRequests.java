package net.voipbin.contract.callmanager;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Bodies of call-manager's RPC routes ({@code POST /v1/calls/<id>/<operation>}). */
public final class CallRequests {

    private CallRequests() {
    }

    /**
     * {@code POST /v1/calls}: originate one outbound call per destination. With {@code flow_id} the
     * answered call runs that flow; {@code dial_timeout_ms} bounds the ringing.
     */
    /**
     * {@code call_id}: the id the caller chooses for the one call it asks for (one destination only), so that a
     * request whose answer was lost can be asked again, or the call looked up, without dialing twice: the same id
     * again answers the call it made.
     */
    public record Create(
            @NotNull UUID customerId,
            @NotNull @Valid Address source,
            @NotEmpty List<@Valid Address> destinations,
            UUID flowId,
            @Min(1000) @Max(300_000) Integer dialTimeoutMs,
            UUID callId) {

        public Create(UUID customerId, Address source, List<Address> destinations, UUID flowId, Integer dialTimeoutMs) {
            this(customerId, source, destinations, flowId, dialTimeoutMs, null);
        }
    }

    /**
     * {@code POST /v1/calls/<id>/play}: media URLs or prompt names ({@code sound:...}), played {@code loop} times.
     * {@code barge_in}: a digit the caller presses stops it (the digit still counts toward the next
     * digits_receive either way).
     */
    public record Play(@NotEmpty List<@NotBlank String> media, @Min(1) @Max(100) Integer loop, String operationId,
            Boolean bargeIn) {

        public Play(List<String> media, Integer loop, String operationId) {
            this(media, loop, operationId, null);
        }

        public boolean stopsOnDigit() {
            return Boolean.TRUE.equals(bargeIn);
        }
    }

    /** {@code POST /v1/calls/<id>/talk}: text to speech; {@code barge_in} as for {@link Play}. */
    public record Talk(@NotBlank String text, String language, String operationId, Boolean bargeIn) {

        public Talk(String text, String language, String operationId) {
            this(text, language, operationId, null);
        }

        public boolean stopsOnDigit() {
            return Boolean.TRUE.equals(bargeIn);
        }
    }

    /** {@code POST /v1/calls/<id>/digits_receive}: collect up to {@code max_length} digits. */
    public record DigitsReceive(
            @Min(100) @Max(300_000) int timeoutMs,
            @Min(1) @Max(64) int maxLength,
            @Pattern(regexp = "[0-9*#]?") String terminator,
            String operationId) {
    }

    /** {@code POST /v1/calls/<id>/digits_send}: DTMF towards the far end. */
    public record DigitsSend(@NotBlank @Pattern(regexp = "[0-9*#A-Dw]+") String digits) {
    }

    /** {@code POST /v1/calls/<id>/hangup}. */
    public record Hangup(Call.HangupReason reason) {
    }

    /** {@code POST /v1/calls/<id>/record_start}. */
    public record RecordStart(String format, @Min(1) @Max(14_400) Integer maxDurationSeconds, String operationId) {
    }

    /**
     * {@code POST /v1/calls/<id>/transfer}: blind or attended, to an address. {@code flow_id} (optional, the
     * customer's flow): once the transfer completes, the transferee call (the call named in the request)
     * runs that flow instead of the one it ran; without it the call's flow control simply ends.
     */
    public record Transfer(@NotNull TransferType type, @NotNull @Valid Address destination, UUID flowId) {

        /** A transfer that ends the flow's control of the call (no flow after it). */
        public Transfer(TransferType type, Address destination) {
            this(type, destination, null);
        }

        public enum TransferType { BLIND, ATTENDED }
    }
}
