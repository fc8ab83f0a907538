package net.voipbin.agentmanager.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code voipbin.agent-manager.*}: the defaults of the offer cycle.
 *
 * @param awayAfterMisses consecutive missed offers after which an agent goes away (0 = never)
 * @param ringTimeout     a reservation without an outcome by then counts as missed
 * @param deadlineSweep   how often due ringing and wrap-up deadlines are looked for
 * @param recentCallsHalfLife least_calls ranks by answered calls decayed by this half-life (a call that long ago
 *                        counts half), so an agent joining the team is not given every call until it has as many
 *                        as its colleagues' lifetime
 */
@ConfigurationProperties("voipbin.agent-manager")
public record AgentManagerProperties(Integer awayAfterMisses, Duration ringTimeout, Duration deadlineSweep,
        Duration recentCallsHalfLife) {

    public AgentManagerProperties {
        awayAfterMisses = awayAfterMisses == null ? 3 : awayAfterMisses;
        ringTimeout = ringTimeout == null ? Duration.ofSeconds(60) : ringTimeout;
        deadlineSweep = deadlineSweep == null ? Duration.ofSeconds(1) : deadlineSweep;
        recentCallsHalfLife = recentCallsHalfLife == null ? Duration.ofHours(1) : recentCallsHalfLife;
        if (recentCallsHalfLife.toSeconds() < 1) {
            throw new IllegalArgumentException("voipbin.agent-manager.recent-calls-half-life must be at least 1s");
        }
        if (awayAfterMisses < 0 || ringTimeout.isNegative() || ringTimeout.isZero() || deadlineSweep.toMillis() < 10) {
            throw new IllegalArgumentException("voipbin.agent-manager: away-after-misses >= 0, ring-timeout > 0, "
                    + "deadline-sweep >= 10ms");
        }
    }
}
