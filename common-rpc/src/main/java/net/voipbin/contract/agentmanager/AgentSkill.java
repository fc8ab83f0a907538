package net.voipbin.contract.agentmanager;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * A skill with a level: an agent's proficiency, or in a reservation the minimum level required. Names are
 * compared case-insensitively (stored lower case).
 */
public record AgentSkill(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}", message = "must be 1 to 64 letters, digits, '_', '.' or '-'") String name,
        @Min(1) @Max(100) int level) {
}
