package net.voipbin.campaignmanager.outplan;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Bodies of {@code /v1.0/outplans}. The dial timeout goes to call-manager, which takes 1 s to 5 min;
 * max_tries is outdial-manager's claim rule (1 to 5 slots, 0 to 100 each, not all 0); a retry interval
 * is at most a week.
 */
final class OutplanRequests {

    static final long WEEK_MS = 7L * 24 * 3600 * 1000;

    private OutplanRequests() {
    }

    record Create(
            @NotBlank @Size(max = 255) String name,
            @Size(max = 1000) String detail,
            @NotBlank String source,
            @NotNull @Min(1000) @Max(300_000) Integer dialTimeoutMs,
            @NotEmpty @Size(max = 5) List<@NotNull @Min(0) @Max(100) Integer> maxTries,
            @NotNull @Min(0) @Max(WEEK_MS) Long retryBusyMs,
            @NotNull @Min(0) @Max(WEEK_MS) Long retryNoAnswerMs,
            @NotNull @Min(0) @Max(WEEK_MS) Long retryUnavailableMs,
            @NotNull @Min(0) @Max(WEEK_MS) Long retryFailedMs) {
    }

    /** Absent fields stay as they are. */
    record Update(
            @Size(min = 1, max = 255) String name,
            @Size(max = 1000) String detail,
            String source,
            @Min(1000) @Max(300_000) Integer dialTimeoutMs,
            @Size(min = 1, max = 5) List<@NotNull @Min(0) @Max(100) Integer> maxTries,
            @Min(0) @Max(WEEK_MS) Long retryBusyMs,
            @Min(0) @Max(WEEK_MS) Long retryNoAnswerMs,
            @Min(0) @Max(WEEK_MS) Long retryUnavailableMs,
            @Min(0) @Max(WEEK_MS) Long retryFailedMs) {
    }
}
