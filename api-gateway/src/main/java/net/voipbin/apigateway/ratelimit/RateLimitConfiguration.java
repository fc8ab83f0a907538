package net.voipbin.apigateway.ratelimit;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import net.voipbin.apigateway.config.GatewayProperties;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    /** Ordered after Spring Security's filter chain (-100), so the caller is already known. */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(GatewayProperties properties, JsonMapper json) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
                new RateLimitFilter(new CustomerRateLimits(properties.rateLimit()), json));
        registration.setOrder(0);
        return registration;
    }
}
