package net.voipbin.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml read as the tests need it: entries, environments, health checks, dependencies, ports, mounts. */
final class ComposeFile {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final String ASTERISK = "asterisk";
    static final String ASTERISK_CONFIG = "deploy/asterisk";

    private ComposeFile() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> composeServices() throws IOException {
        try (InputStream in = Files.newInputStream(ROOT.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(in);
            return (Map<String, Object>) compose.get("services");
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> entry(Map<String, Object> services, String service) {
        Object entry = services.get(service);
        assertThat(entry).as("entry %s of docker-compose.yml", service).isInstanceOf(Map.class);
        return (Map<String, Object>) entry;
    }

    /** The entry's environment, map or {@code KEY=value} list, values as strings. */
    static Map<String, String> environment(Map<String, Object> services, String service) {
        Object environment = entry(services, service).get("environment");
        Map<String, String> result = new TreeMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((key, value) -> result.put(key.toString(), value == null ? "" : value.toString()));
        } else if (environment instanceof List<?> list) {
            for (Object item : list) {
                String text = item.toString();
                int equals = text.indexOf('=');
                result.put(equals < 0 ? text : text.substring(0, equals), equals < 0 ? "" : text.substring(equals + 1));
            }
        }
        return result;
    }

    /** The health check's command as one string; blank without one (or with {@code disable}). */
    static String healthCheck(Map<String, Object> services, String service) {
        if (!(entry(services, service).get("healthcheck") instanceof Map<?, ?> check) || Boolean.TRUE.equals(check.get("disable"))
                || check.get("test") == null) {
            return "";
        }
        return check.get("test") instanceof List<?> test
                ? String.join(" ", test.stream().map(String::valueOf).toList())
                : check.get("test").toString();
    }

    /** Dependency → condition; the list form means {@code service_started}. */
    static Map<String, String> dependsOn(Map<String, Object> services, String service) {
        Object dependsOn = entry(services, service).get("depends_on");
        Map<String, String> result = new TreeMap<>();
        if (dependsOn instanceof Map<?, ?> map) {
            map.forEach((name, spec) -> result.put(name.toString(),
                    spec instanceof Map<?, ?> s && s.get("condition") != null ? s.get("condition").toString() : "service_started"));
        } else if (dependsOn instanceof List<?> list) {
            list.forEach(name -> result.put(name.toString(), "service_started"));
        }
        return result;
    }

    static List<?> ports(Map<String, Object> services, String service) {
        return entry(services, service).get("ports") instanceof List<?> ports ? ports : List.of();
    }

    /** One {@code ports} item: the host ports it takes (none when Docker picks them) and the container ports. */
    record PortMapping(String service, String text, List<Integer> hostPorts, List<Integer> containerPorts, String protocol) {

        @Override
        public String toString() {
            return service + " " + text;
        }
    }

    /**
     * Short syntax {@code [ip:][host:]container[/protocol]}, each port or {@code a-b} range, or the long
     * syntax {@code {target, published, protocol}}.
     */
    static List<PortMapping> portMappings(String service, List<?> ports) {
        List<PortMapping> mappings = new ArrayList<>();
        for (Object item : ports) {
            if (item instanceof Map<?, ?> map) {
                String protocol = map.get("protocol") == null ? "tcp" : map.get("protocol").toString();
                List<Integer> container = portRange(String.valueOf(map.get("target")));
                List<Integer> host = map.get("published") == null ? List.of() : portRange(String.valueOf(map.get("published")));
                mappings.add(new PortMapping(service, map.toString(), host, container, protocol));
                continue;
            }
            String text = item.toString();
            String protocol = "tcp";
            String spec = text;
            int slash = text.indexOf('/');
            if (slash >= 0) {
                protocol = text.substring(slash + 1);
                spec = text.substring(0, slash);
            }
            String[] parts = spec.split(":");
            assertThat(parts.length).as("parts of port mapping %s of %s ([ip:][host:]container)", text, service).isBetween(1, 3);
            List<Integer> container = portRange(parts[parts.length - 1]);
            List<Integer> host = parts.length == 1 ? List.of() : portRange(parts[parts.length - 2]);
            if (!host.isEmpty()) {
                assertThat(host).as("host ports of %s of %s (as many as container ports)", text, service)
                        .hasSameSizeAs(container);
            }
            mappings.add(new PortMapping(service, text, host, container, protocol.toLowerCase(Locale.ROOT)));
        }
        return mappings;
    }

    static List<Integer> portRange(String text) {
        String[] bounds = text.trim().split("-");
        int first = Integer.parseInt(bounds[0].trim());
        int last = bounds.length > 1 ? Integer.parseInt(bounds[1].trim()) : first;
        assertThat(last).as("port range %s", text).isGreaterThanOrEqualTo(first);
        return range(first, last);
    }

    static List<Integer> range(int first, int last) {
        List<Integer> ports = new ArrayList<>();
        for (int port = first; port <= last; port++) {
            ports.add(port);
        }
        return ports;
    }

    /** Every host port/protocol taken by two mappings, each named once. */
    static List<String> hostPortClashes(Map<String, Object> services) {
        Map<String, PortMapping> taken = new TreeMap<>();
        List<String> clashes = new ArrayList<>();
        services.forEach((service, entry) -> {
            List<?> ports = entry instanceof Map<?, ?> map && map.get("ports") instanceof List<?> list ? list : List.of();
            for (PortMapping mapping : portMappings(service, ports)) {
                for (Integer port : mapping.hostPorts()) {
                    String key = port + "/" + mapping.protocol();
                    PortMapping earlier = taken.putIfAbsent(key, mapping);
                    if (earlier != null) {
                        clashes.add(key + " published by " + earlier.service() + " (" + earlier.text() + ") and by "
                                + mapping.service() + " (" + mapping.text() + ")");
                    }
                }
            }
        });
        return clashes;
    }

    /** File name → repository path of every {@code deploy/asterisk} file the asterisk service mounts. */
    static Map<String, String> asteriskConfigMounts(Map<String, Object> services) throws IOException {
        Map<String, String> mounts = new TreeMap<>();
        Object volumes = entry(services, ASTERISK).get("volumes");
        for (Object volume : volumes instanceof List<?> list ? list : List.of()) {
            String[] parts = volume.toString().split(":");
            String source = parts[0].startsWith("./") ? parts[0].substring(2) : parts[0];
            if (!source.startsWith(ASTERISK_CONFIG + "/")) {
                continue;
            }
            String file = source.substring(ASTERISK_CONFIG.length() + 1);
            assertThat(ROOT.resolve(source)).as("file mounted into asterisk by %s", volume).isRegularFile();
            assertThat(parts.length > 1 ? parts[1] : "").as("where %s is mounted", volume).isEqualTo("/etc/asterisk/" + file);
            mounts.put(file, source);
        }
        try (var files = Files.list(ROOT.resolve(ASTERISK_CONFIG))) {
            assertThat(mounts.keySet()).as("mounted files of %s (every .conf there belongs to the asterisk service)",
                    ASTERISK_CONFIG).containsAll(files.map(f -> f.getFileName().toString())
                            .filter(name -> name.endsWith(".conf")).toList());
        }
        return mounts;
    }
}
