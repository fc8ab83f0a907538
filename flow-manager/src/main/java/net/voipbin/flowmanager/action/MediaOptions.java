package net.voipbin.flowmanager.action;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import net.voipbin.contract.callmanager.Call;

/** Options of the actions that drive the call's media through call-manager. */
public final class MediaOptions {

    private MediaOptions() {
    }

    /** answer, recording_stop, beep, stop: no option. */
    public record None() {
    }

    /** Media URLs or prompt names ({@code sound:...}), played {@code loop} times (default 1). */
    /**
     * {@code barge_in}: a digit the caller presses stops the prompt; unset, it does when the next action
     * collects digits (a caller who knows the menu need not sit through it).
     */
    public record Play(@NotEmpty List<@NotBlank String> media, @Min(1) @Max(100) Integer loop, Boolean bargeIn) {
    }

    public record Talk(@NotBlank String text, @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?") String language,
            Boolean bargeIn) {
    }

    /** Result in variable {@code voipbin.call.digits}; defaults: 5 s, 1 digit, no terminator. */
    public record DigitsReceive(
            @Min(100) @Max(300_000) Integer timeoutMs,
            @Min(1) @Max(64) Integer maxLength,
            @Pattern(regexp = "[0-9*#]?") String terminator) {

        public int timeoutOrDefault() {
            return timeoutMs == null ? 5000 : timeoutMs;
        }

        public int maxLengthOrDefault() {
            return maxLength == null ? 1 : maxLength;
        }
    }

    public record DigitsSend(@NotBlank @Pattern(regexp = "[0-9*#A-Dw]+") String digits) {
    }

    public record Hangup(Call.HangupReason reason) {
    }

    public record RecordingStart(@Pattern(regexp = "wav|mp3|gsm") String format,
            @Min(1) @Max(14_400) Integer maxDurationSeconds) {
    }

    /** Echo the caller's audio back for {@code duration_ms} (default 10 s). */
    public record Echo(@Min(100) @Max(3_600_000) Integer durationMs) {
    }

    public record Mute(@Pattern(regexp = "in|out|both") String direction) {
    }
}
