package net.voipbin.campaignmanager.dnc;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Bodies of {@code /v1.0/dncs}. */
final class DncRequests {

    private DncRequests() {
    }

    record Create(@NotBlank String number, @Size(max = 1000) String note) {
    }

    record Update(@Size(max = 1000) String note) {
    }
}
