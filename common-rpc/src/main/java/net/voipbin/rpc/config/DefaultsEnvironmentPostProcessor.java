package net.voipbin.rpc.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * Adds the fleet's defaults ({@code voipbin-defaults.properties}) with the lowest precedence, so each
 * service's own configuration stays a few lines and anything can still be overridden: they join
 * Spring's default properties, where values an application set itself
 * ({@code SpringApplicationBuilder.properties}) win.
 */
public class DefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Properties defaults;
        try {
            defaults = PropertiesLoaderUtils.loadProperties(new ClassPathResource("voipbin-defaults.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PropertySource<?> existing = environment.getPropertySources().get(DefaultPropertiesPropertySource.NAME);
        Map<String, Object> merged = new HashMap<>();
        defaults.forEach((key, value) -> {
            if (existing == null || !existing.containsProperty((String) key)) {
                merged.put((String) key, value);
            }
        });
        DefaultPropertiesPropertySource.addOrMerge(merged, environment.getPropertySources());
    }
}
