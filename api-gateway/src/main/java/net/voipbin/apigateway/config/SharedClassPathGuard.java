package net.voipbin.apigateway.config;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import net.voipbin.apigateway.ApiGatewayApplication;

/**
 * Keeps Spring Cloud Gateway to the gateway when the gateway's jar shares a class path with other
 * services (local mode, benchmarks): there its auto-configurations would start in every service
 * ({@link GatewayAutoConfigurationFilter} leaves them out once this turned the gateway off), and its
 * environment post-processors would turn off multipart parsing (outdial-manager's CSV upload) and
 * redirects for every service. For any application but the gateway this turns the gateway off and sets
 * those defaults back, as the lowest-priority property source: a setting of the service's own still wins.
 * Runs just before Spring Cloud's post-processors, which leave a property alone once it has a value.
 */
public final class SharedClassPathGuard implements EnvironmentPostProcessor, Ordered {

    static final String GATEWAY_ENABLED = "spring.cloud.gateway.server.webmvc.enabled";

    static final Map<String, Object> NOT_A_GATEWAY = Map.of(
            GATEWAY_ENABLED, "false",
            "spring.servlet.multipart.enabled", "true",
            "spring.http.clients.redirects", "follow-when-possible",
            // The gateway's Swagger UI jar is on a shared class path too; a service shows no UI of its own.
            "springdoc.swagger-ui.enabled", "false");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean gateway = application.getAllSources().stream().anyMatch(source -> source instanceof Class<?> type
                && ApiGatewayApplication.class.isAssignableFrom(type));
        if (!gateway) {
            environment.getPropertySources().addLast(new MapPropertySource("voipbinNotAGateway", NOT_A_GATEWAY));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 1;
    }
}
