package net.voipbin.webhookmanager.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import net.voipbin.rpc.urlguard.OutboundProperties;
import net.voipbin.rpc.urlguard.UrlGuard;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookManagerConfiguration {

    /** {@code voipbin.webhook.allowed-networks} is this service's older name for the fleet's setting: both count. */
    @Bean
    UrlGuard urlGuard(OutboundProperties outbound, WebhookProperties properties) {
        return outbound.guard().allowing(properties.allowedNetworks());
    }
}
