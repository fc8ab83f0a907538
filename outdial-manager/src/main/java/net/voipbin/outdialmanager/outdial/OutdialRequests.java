package net.voipbin.outdialmanager.outdial;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Bodies of {@code /v1.0/outdials}. */
final class OutdialRequests {

    private OutdialRequests() {
    }

    record Create(@NotBlank @Size(max = 255) String name, @Size(max = 1000) String detail) {
    }

    /** Absent fields stay as they are. */
    record Update(@Size(min = 1, max = 255) String name, @Size(max = 1000) String detail) {
    }
}
