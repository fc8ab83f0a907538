package net.voipbin.rpc.urlguard;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Every service gets the guard built from {@code voipbin.outbound.allowed-networks}. A service with an
 * older switch of its own declares its own {@link UrlGuard} bean ({@code outbound.guard().allowing(...)}),
 * and this one steps aside.
 */
@AutoConfiguration
@EnableConfigurationProperties(OutboundProperties.class)
public class UrlGuardAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    UrlGuard urlGuard(OutboundProperties properties) {
        return properties.guard();
    }
}
