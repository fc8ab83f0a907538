package net.voipbin.apigateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import net.voipbin.apigateway.ApiGatewayApplication;

/** Another service on the gateway's class path (local mode) keeps its own behaviour. */
class SharedClassPathGuardTest {

    /** Stands in for any other service's application class. */
    static class OtherService {
    }

    private final SharedClassPathGuard guard = new SharedClassPathGuard();

    @Test
    void anotherApplicationHasTheGatewayOffAndMultipartAndRedirectsAsSpringBootSetsThem() {
        StandardEnvironment environment = new StandardEnvironment();

        guard.postProcessEnvironment(environment, new SpringApplication(OtherService.class));

        assertThat(environment.getProperty("spring.cloud.gateway.server.webmvc.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("spring.servlet.multipart.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("spring.http.clients.redirects")).isEqualTo("follow-when-possible");
    }

    @Test
    void aServicesOwnSettingStillWins() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("own",
                Map.of("spring.servlet.multipart.enabled", "false")));

        guard.postProcessEnvironment(environment, new SpringApplication(OtherService.class));

        assertThat(environment.getProperty("spring.servlet.multipart.enabled")).isEqualTo("false");
    }

    @Test
    void theGatewayItselfIsLeftAlone() {
        StandardEnvironment environment = new StandardEnvironment();

        guard.postProcessEnvironment(environment, new SpringApplication(ApiGatewayApplication.class));

        assertThat(environment.getProperty("spring.cloud.gateway.server.webmvc.enabled")).isNull();
    }

    @Test
    void theGatewaysAutoConfigurationsAreLeftOutWhereTheGatewayIsOff() {
        StandardEnvironment environment = new StandardEnvironment();
        guard.postProcessEnvironment(environment, new SpringApplication(OtherService.class));
        GatewayAutoConfigurationFilter filter = new GatewayAutoConfigurationFilter();
        filter.setEnvironment(environment);

        boolean[] matches = filter.match(new String[] {
                "org.springframework.cloud.gateway.server.mvc.filter.FilterAutoConfiguration",
                "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration"}, null);

        assertThat(matches).containsExactly(false, true);
    }
}
