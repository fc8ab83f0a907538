package net.voipbin.flowmanager.action;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import net.voipbin.contract.callmanager.Address;
import net.voipbin.contract.callmanager.CallRequests;

/** Options of the actions that involve another service or a customer URL. */
public final class ExternalOptions {

    static final String HTTP_URL = "https?://.+";

    private ExternalOptions() {
    }

    /** Dials the destinations, bridges the first that answers with the caller; none answers → next action. */
    public record Connect(
            @NotNull @Valid Address source,
            @NotEmpty List<@NotNull @Valid Address> destinations,
            @Min(1000) @Max(300_000) Integer ringTimeoutMs) {
    }

    /** {@code flow_id} (optional): the flow the transferred call runs once the transfer completes. */
    public record Transfer(@NotNull CallRequests.Transfer.TransferType type, @NotNull @Valid Address destination,
            UUID flowId) {
    }

    public record QueueJoin(@NotNull UUID queueId) {
    }

    /** {@code role}: participant (default) or moderator; a flow naming another is refused when stored. */
    public record ConferenceJoin(@NotNull UUID conferenceId,
            @Pattern(regexp = "participant|moderator", message = "must be participant or moderator") String role) {
    }

    public record AiTalk(
            @NotBlank @Pattern(regexp = "wss?://.+", message = "must be a ws:// or wss:// URL") String runnerUrl,
            @Pattern(regexp = "slin16|slin|ulaw") String audioFormat) {
    }

    /** POSTs the variables; with {@code sync} the JSON object answered sets variables. */
    public record WebhookSend(
            @NotBlank @Pattern(regexp = HTTP_URL, message = "must be an http(s) URL") String url,
            Boolean sync,
            @Min(100) @Max(30_000) Integer timeoutMs,
            String secret) {

        public int timeoutOrDefault() {
            return timeoutMs == null ? 3000 : timeoutMs;
        }
    }

    /**
     * Asks the URL for the next actions ({@code {"actions": [...]}}), which replace the rest of the flow;
     * on timeout, error or an invalid answer continues at {@code fallback_target_id} (else the next action).
     */
    public record Fetch(
            @NotBlank @Pattern(regexp = HTTP_URL, message = "must be an http(s) URL") String url,
            @Min(100) @Max(30_000) Integer timeoutMs,
            String fallbackTargetId,
            String secret) implements ActionTargets {

        public int timeoutOrDefault() {
            return timeoutMs == null ? 3000 : timeoutMs;
        }

        @Override
        public Map<String, String> targets() {
            return fallbackTargetId == null ? Map.of() : Map.of("fallback_target_id", fallbackTargetId);
        }
    }
}
