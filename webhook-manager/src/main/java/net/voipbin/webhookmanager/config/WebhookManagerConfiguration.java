package net.voipbin.webhookmanager.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import net.voipbin.webhookmanager.webhook.SsrfGuard;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookManagerConfiguration {

    @Bean
    SsrfGuard ssrfGuard(WebhookProperties properties) {
        return new SsrfGuard(properties.allowedNetworks());
    }
}
