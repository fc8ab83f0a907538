package net.voipbin.asteriskproxy.ari;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import net.voipbin.asteriskproxy.config.AsteriskProperties;

/** {@code /actuator/health} component {@code ari}: UP only while the events WebSocket is open. */
public final class AriHealthIndicator implements HealthIndicator {

    private final AriConnectionState state;
    private final AsteriskProperties properties;

    public AriHealthIndicator(AriConnectionState state, AsteriskProperties properties) {
        this.state = state;
        this.properties = properties;
    }

    @Override
    public Health health() {
        Health.Builder builder = state.status() == AriConnectionState.Status.CONNECTED ? Health.up() : Health.down();
        builder.withDetail("websocket", state.status().name().toLowerCase(java.util.Locale.ROOT))
                .withDetail("since", state.since().toString())
                .withDetail("asterisk_id", properties.id())
                .withDetail("url", properties.eventsUri().toString());
        if (!state.lastError().isEmpty() && state.status() != AriConnectionState.Status.CONNECTED) {
            builder.withDetail("last_error", state.lastError());
        }
        return builder.build();
    }
}
