package net.voipbin.flowmanager.engine;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code voipbin.flow.max-executions}: the loop guard, how many actions one activeflow may execute in
 * all before it is ended with an error. {@code leader-check-interval}: how often a stand-by instance
 * tries to become the leader and the leader checks that it still is (the bound of a take-over).
 * {@code retry-budget}: how long a call command that may be sent twice (answer, hangup) is sent again
 * while the broker or call-manager is away.
 */
@ConfigurationProperties("voipbin.flow")
public record EngineProperties(@DefaultValue("1000") int maxExecutions,
        @DefaultValue("1s") Duration leaderCheckInterval,
        @DefaultValue("20s") Duration retryBudget) {
}
