package net.voipbin.rpc.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the fleet's defaults ({@code voipbin-defaults.properties}) with the lowest precedence, so each
 * service's own configuration stays a few lines and anything can still be overridden by env.
 */
public class DefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String SOURCE = "voipbin-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(
                    new ResourcePropertySource(SOURCE, new ClassPathResource("voipbin-defaults.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
