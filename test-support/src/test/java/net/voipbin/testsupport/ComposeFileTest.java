package net.voipbin.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml stays true to the reactor: every service module has an entry, and every
 * environment variable an entry sets is one its service actually reads (a placeholder in its
 * configuration or in the fleet defaults, or a property key in relaxed-binding form).
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Set<String> NOT_SERVICES = Set.of("common-rpc", "test-support", "asterisk-sim", "benchmarks",
            "system-tests");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)");

    @Test
    void everyServiceModuleHasAComposeEntry() throws IOException {
        Map<String, Object> services = composeServices();

        assertThat(services.keySet()).containsAll(serviceModules());
    }

    @Test
    void everyEnvironmentVariableIsReadByItsService() throws IOException {
        Map<String, Object> services = composeServices();
        for (String module : serviceModules()) {
            Set<String> readable = readableVariables(module);
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = (Map<String, Object>) services.get(module);
            @SuppressWarnings("unchecked")
            Map<String, Object> environment = (Map<String, Object>) entry.getOrDefault("environment", Map.of());
            assertThat(readable).as("variables %s sets for %s", "docker-compose.yml", module)
                    .containsAll(environment.keySet());
        }
    }

    private static List<String> serviceModules() throws IOException {
        Matcher matcher = MODULE.matcher(Files.readString(ROOT.resolve("pom.xml")));
        List<String> modules = new java.util.ArrayList<>();
        while (matcher.find()) {
            if (!NOT_SERVICES.contains(matcher.group(1))) {
                modules.add(matcher.group(1));
            }
        }
        assertThat(modules).as("service modules in the root pom").isNotEmpty();
        return modules;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> composeServices() throws IOException {
        try (InputStream in = Files.newInputStream(ROOT.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(in);
            return (Map<String, Object>) compose.get("services");
        }
    }

    /** Placeholders and relaxed-binding names of every key in the service's config and the fleet defaults. */
    private static Set<String> readableVariables(String module) throws IOException {
        Set<String> readable = new HashSet<>();
        Path defaults = ROOT.resolve("common-rpc/src/main/resources/voipbin-defaults.properties");
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(defaults)) {
            properties.load(in);
        }
        properties.forEach((key, value) -> {
            readable.add(relaxed((String) key));
            placeholders((String) value, readable);
        });
        try (var files = Files.walk(ROOT.resolve(module).resolve("src/main/resources"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("application.*\\.(yml|yaml|properties)")).toList()) {
                String text = Files.readString(file);
                placeholders(text, readable);
                if (file.toString().endsWith(".properties")) {
                    text.lines().filter(line -> line.contains("=") && !line.startsWith("#"))
                            .forEach(line -> readable.add(relaxed(line.substring(0, line.indexOf('=')).trim())));
                } else {
                    flatten("", new Yaml().load(text), readable);
                }
            }
        }
        return readable;
    }

    private static void placeholders(String text, Set<String> into) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object node, Set<String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? key.toString() : prefix + "." + key, value, into));
        } else if (!prefix.isEmpty()) {
            into.add(relaxed(prefix));
        }
    }

    private static String relaxed(String key) {
        return key.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
    }
}
