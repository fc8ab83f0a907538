package net.voipbin.flowmanager.engine;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code voipbin.flow.max-executions}: the loop guard, how many actions one activeflow may execute in
 * all before it is ended with an error.
 */
@ConfigurationProperties("voipbin.flow")
public record EngineProperties(@DefaultValue("1000") int maxExecutions) {
}
