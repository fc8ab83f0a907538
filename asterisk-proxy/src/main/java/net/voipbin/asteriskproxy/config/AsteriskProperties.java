package net.voipbin.asteriskproxy.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The one Asterisk this proxy fronts, under {@code voipbin.asterisk.*} (env {@code VOIPBIN_ASTERISK_ID},
 * {@code VOIPBIN_ASTERISK_ARI_URL}, ...). {@code id} names the RPC queue {@code asterisk.<id>.request}
 * and is stamped as {@code asterisk_id} on every event. {@code ignoredEvents}: ARI event types Asterisk
 * is asked not to send at all (its application event filter), since nothing in the platform reads them.
 */
@ConfigurationProperties("voipbin.asterisk")
public record AsteriskProperties(
        @DefaultValue("asterisk-1") String id,
        @DefaultValue("http://127.0.0.1:8088") URI ariUrl,
        @DefaultValue("asterisk") String user,
        @DefaultValue("asterisk") String password,
        @DefaultValue("voipbin") String app,
        @DefaultValue({"ChannelVarset", "ChannelDialplan"}) List<String> ignoredEvents,
        @DefaultValue Reconnect reconnect,
        @DefaultValue Rest rest) {

    public AsteriskProperties {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("voipbin.asterisk.id is required");
        }
    }

    /**
     * WebSocket reconnect: exponential from {@code initialBackoff}, capped at {@code maxBackoff}; a
     * connection is pinged every {@code pingInterval} and dropped after three unanswered pings.
     */
    public record Reconnect(
            @DefaultValue("500ms") Duration initialBackoff,
            @DefaultValue("30s") Duration maxBackoff,
            @DefaultValue("10s") Duration pingInterval) {
    }

    /**
     * ARI REST: timeouts well inside the 3 s RPC deadline; the circuit opens when half of the last
     * calls could not reach Asterisk, and lets one probe through after {@code openFor}.
     */
    public record Rest(
            @DefaultValue("1s") Duration connectTimeout,
            @DefaultValue("2s") Duration readTimeout,
            @DefaultValue("2s") Duration openFor,
            @DefaultValue("4") int consumers) {
    }

    /** {@code ws://host:port/ari/events?app=<app>&subscribeAll=true}. */
    public URI eventsUri() {
        String scheme = "https".equals(ariUrl.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + "://" + ariUrl.getAuthority() + "/ari/events?app=" + app + "&subscribeAll=true");
    }

    public String basicAuthorization() {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
