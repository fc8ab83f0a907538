package net.voipbin.outdialmanager.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutdialProperties.class)
class OutdialManagerConfiguration {
}
