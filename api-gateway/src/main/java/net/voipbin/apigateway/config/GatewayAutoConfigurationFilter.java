package net.voipbin.apigateway.config;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Leaves out every Spring Cloud Gateway auto-configuration of an application that turned the gateway
 * off ({@code spring.cloud.gateway.server.webmvc.enabled=false}, which {@link SharedClassPathGuard} sets
 * for every application but the gateway). The gateway's own switch covers only its main
 * auto-configuration; its filter, handler and multipart ones would still start, and fail without it.
 */
public final class GatewayAutoConfigurationFilter implements AutoConfigurationImportFilter, EnvironmentAware {

    private static final String GATEWAY_PACKAGE = "org.springframework.cloud.gateway.";

    private boolean gatewayOff;

    @Override
    public void setEnvironment(Environment environment) {
        gatewayOff = !environment.getProperty(SharedClassPathGuard.GATEWAY_ENABLED, Boolean.class, true);
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean[] matches = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < autoConfigurationClasses.length; i++) {
            String candidate = autoConfigurationClasses[i];
            matches[i] = !(gatewayOff && candidate != null && candidate.startsWith(GATEWAY_PACKAGE));
        }
        return matches;
    }
}
