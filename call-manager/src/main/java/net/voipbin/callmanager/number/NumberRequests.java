package net.voipbin.callmanager.number;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Bodies of {@code /v1.0/numbers}. */
final class NumberRequests {

    private NumberRequests() {
    }

    record Create(@NotBlank @Pattern(regexp = "\\+[1-9][0-9]{3,14}", message = "must be an E.164 number (+ and 4 to 15 digits)") String number,
            UUID flowId, @Size(max = 255) String name) {
    }

    record Update(UUID flowId, @Size(max = 255) String name) {
    }
}
