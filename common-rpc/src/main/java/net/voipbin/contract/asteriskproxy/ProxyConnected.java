package net.voipbin.contract.asteriskproxy;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code proxy_connected} payload: the proxy (re)connected to the Asterisk {@code asteriskId}, whose app
 * holds exactly these channels ({@code GET /ari/channels} right after the WebSocket opened; events that
 * follow on the stream are newer than this list). Asterisk keeps no events for absent listeners, so a
 * consumer reconciles its live calls against this list.
 *
 * <p>{@code disconnectedAt}: when the proxy last heard from this Asterisk before this connection (its
 * previous connection dropped then), so a channel missing from the list ended at that time or later.
 * Absent (null, omitted on the wire) when unknown: the proxy's first connection since it started, or a
 * proxy from before the field.
 */
public record ProxyConnected(String asteriskId, List<String> channelIds,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant disconnectedAt) {

    public ProxyConnected {
        if (asteriskId == null || asteriskId.isBlank()) {
            throw new IllegalArgumentException("asterisk_id is required");
        }
        channelIds = channelIds == null ? List.of() : List.copyOf(channelIds);
    }

    /** Without a known disconnect time (the first connection, or an older proxy). */
    public ProxyConnected(String asteriskId, List<String> channelIds) {
        this(asteriskId, channelIds, null);
    }
}
