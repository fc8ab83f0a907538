package net.voipbin.flowmanager.action;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Options of the actions that steer the flow itself (no call command). */
public final class ControlOptions {

    static final String HH_MM = "([01][0-9]|2[0-3]):[0-5][0-9]";

    private ControlOptions() {
    }

    /** Jumps on the value of {@code variable} (default {@code voipbin.call.digits}). */
    public record Branch(String variable, @NotEmpty Map<String, @NotBlank String> targetIds, String defaultTargetId)
            implements ActionTargets {

        public String variableOrDefault() {
            return variable == null || variable.isBlank() ? "voipbin.call.digits" : variable;
        }

        @Override
        public Map<String, String> targets() {
            Map<String, String> targets = new LinkedHashMap<>();
            targetIds.forEach((value, id) -> targets.put("target_ids." + value, id));
            if (defaultTargetId != null) {
                targets.put("default_target_id", defaultTargetId);
            }
            return targets;
        }
    }

    /** Jumps to {@code target_id} at most {@code loop_count} times (unbounded without it: the execute guard cuts it). */
    public record Goto(@NotBlank String targetId, @Min(1) @Max(1000) Integer loopCount) implements ActionTargets {

        @Override
        public Map<String, String> targets() {
            return Map.of("target_id", targetId);
        }
    }

    public record Sleep(@NotNull @Min(0) @Max(86_400_000) Integer durationMs) {
    }

    public record VariableSet(@NotBlank String name, @NotNull String value) {
    }

    /** Continues if {@code variable operator value} holds, else jumps to {@code false_target_id} (else next). */
    public record ConditionVariable(
            @NotBlank String variable,
            @Pattern(regexp = "==|!=|>|>=|<|<=|contains") String operator,
            @NotNull String value,
            String falseTargetId) implements ActionTargets {

        @Override
        public Map<String, String> targets() {
            return falseTargetId == null ? Map.of() : Map.of("false_target_id", falseTargetId);
        }
    }

    /** Continues if the collected digits equal {@code digits} or have {@code length}; else {@code false_target_id}. */
    public record ConditionCallDigits(String digits, @Min(1) @Max(64) Integer length, String falseTargetId)
            implements ActionTargets {

        @AssertTrue(message = "digits or length is required")
        public boolean isDigits() {
            return (digits != null && !digits.isEmpty()) || length != null;
        }

        @Override
        public Map<String, String> targets() {
            return falseTargetId == null ? Map.of() : Map.of("false_target_id", falseTargetId);
        }
    }

    /**
     * Continues inside the window (days of week and {@code start_time}..{@code end_time} local to
     * {@code timezone}, end exclusive; a start after the end spans midnight), else {@code false_target_id}.
     */
    public record ConditionDatetime(
            @NotBlank String timezone,
            List<@Pattern(regexp = "mon|tue|wed|thu|fri|sat|sun") String> days,
            @NotNull @Pattern(regexp = HH_MM) String startTime,
            @NotNull @Pattern(regexp = HH_MM) String endTime,
            String falseTargetId) implements ActionTargets {

        @AssertTrue(message = "not a known time zone (e.g. Europe/Berlin)")
        public boolean isTimezone() {
            try {
                return timezone == null || ZoneId.of(timezone) != null;
            } catch (DateTimeException e) {
                return false;
            }
        }

        @Override
        public Map<String, String> targets() {
            return falseTargetId == null ? Map.of() : Map.of("false_target_id", falseTargetId);
        }
    }

    /** Continues with another stored flow of the same customer. */
    public record FetchFlow(@NotNull UUID flowId) {
    }
}
