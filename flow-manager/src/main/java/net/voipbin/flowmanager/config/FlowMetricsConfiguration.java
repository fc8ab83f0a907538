package net.voipbin.flowmanager.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import net.voipbin.flowmanager.engine.RunningActiveflows;

/** {@code voipbin_activeflows_running}: the activeflows this instance runs (the leader's; 0 at a stand-by). */
@Configuration(proxyBeanMethods = false)
class FlowMetricsConfiguration {

    @Bean
    MeterBinder runningActiveflowsGauge(RunningActiveflows activeflows) {
        return registry -> Gauge.builder("voipbin.activeflows.running", activeflows, RunningActiveflows::size)
                .description("activeflows running at this instance").register(registry);
    }
}
