package net.voipbin.contract.asteriskproxy;

import java.util.List;

/**
 * {@code proxy_connected} payload: the proxy (re)connected to the Asterisk {@code asteriskId}, whose app
 * holds exactly these channels ({@code GET /ari/channels} right after the WebSocket opened; events that
 * follow on the stream are newer than this list). Asterisk keeps no events for absent listeners, so a
 * consumer reconciles its live calls against this list.
 */
public record ProxyConnected(String asteriskId, List<String> channelIds) {

    public ProxyConnected {
        if (asteriskId == null || asteriskId.isBlank()) {
            throw new IllegalArgumentException("asterisk_id is required");
        }
        channelIds = channelIds == null ? List.of() : List.copyOf(channelIds);
    }
}
