package net.voipbin.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml stays true to the reactor and to itself. No Docker engine runs where the tests
 * run, so the file is checked for its meaning instead of being started: every service module has an
 * entry; every environment variable an entry sets is one its service reads (a placeholder in its
 * configuration or the fleet defaults, a property key in relaxed-binding form, or a component of one
 * of its {@code @ConfigurationProperties} records); health checks and {@code depends_on}; host ports;
 * the shared settings (JWT secret, AMQP URL, database) against each other and against the PostgreSQL
 * and RabbitMQ entries; each service's {@code PORT} against its published and probed ports; and the
 * Asterisk configuration in {@code deploy/asterisk/} against what asterisk-proxy and call-manager are
 * given.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Set<String> NOT_SERVICES = Set.of("common-rpc", "test-support", "asterisk-sim", "benchmarks",
            "system-tests", "local-mode");
    private static final String POSTGRES = "postgres";
    private static final String RABBITMQ = "rabbitmq";
    private static final String ASTERISK = "asterisk";
    /** Compose entries that are not modules of the reactor: the parts the services run on. */
    private static final Set<String> INFRASTRUCTURE = Set.of(POSTGRES, RABBITMQ, ASTERISK);
    private static final String ASTERISK_CONFIG = "deploy/asterisk";

    private static final String JWT_SECRET = "VOIPBIN_AUTH_JWT_SECRET";
    private static final String AMQP_URL = "VOIPBIN_AMQP_URL";
    private static final List<String> DB_VARIABLES = List.of("VOIPBIN_DB_URL", "VOIPBIN_DB_USER", "VOIPBIN_DB_PASSWORD");
    private static final String ARI_URL = "VOIPBIN_ASTERISK_ARI_URL";
    private static final String ARI_USER = "VOIPBIN_ASTERISK_ARI_USER";
    private static final String ARI_PASSWORD = "VOIPBIN_ASTERISK_ARI_PASSWORD";
    private static final String ARI_APP = "VOIPBIN_ASTERISK_ARI_APP";

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)");
    private static final Pattern PROBED_PORT = Pattern.compile("https?://([^/:\\s\"']+):(\\d+)");
    private static final Pattern CONFIGURATION_PROPERTIES = Pattern.compile(
            "@ConfigurationProperties\\(\\s*(?:(?:value|prefix)\\s*=\\s*)?\"([^\"]+)\"");
    private static final Pattern RECORD = Pattern.compile("\\brecord\\s+(\\w+)\\s*\\(");
    private static final Pattern STASIS = Pattern.compile("Stasis\\(([^,)]*)");

    @Test
    void everyServiceModuleHasAComposeEntry() throws IOException {
        Map<String, Object> services = composeServices();

        assertThat(services.keySet()).as("services of docker-compose.yml (every service module of the root pom needs one)")
                .containsAll(serviceModules());
    }

    @Test
    void everyEnvironmentVariableIsReadByItsService() throws IOException {
        Map<String, Object> services = composeServices();
        for (String module : serviceModules()) {
            Set<String> readable = readableVariables(module);
            Map<String, String> environment = environment(services, module);
            assertThat(readable).as("variables %s sets for %s", "docker-compose.yml", module)
                    .containsAll(environment.keySet());
        }
    }

    @Test
    void everyServiceHasAHealthCheckAndWaitsForWhatItNeedsToBeHealthy() throws IOException {
        Map<String, Object> services = composeServices();
        for (String infrastructure : INFRASTRUCTURE) {
            assertThat(services).as("docker-compose.yml has an entry for %s", infrastructure).containsKey(infrastructure);
            assertThat(healthCheck(services, infrastructure)).as("health check of %s (services wait for it to be healthy)",
                    infrastructure).isNotBlank();
        }
        for (String service : services.keySet()) {
            Map<String, String> dependsOn = dependsOn(services, service);
            dependsOn.forEach((dependency, condition) -> {
                assertThat(services).as("%s depends on %s, which has no entry", service, dependency).containsKey(dependency);
                if (!healthCheck(services, dependency).isBlank()) {
                    assertThat(condition).as("condition of %s's depends_on %s (it has a health check)", service, dependency)
                            .isEqualTo("service_healthy");
                }
            });
        }
        for (String module : serviceModules()) {
            assertThat(healthCheck(services, module)).as("health check of %s", module).isNotBlank();
            Map<String, String> environment = environment(services, module);
            Set<String> needed = new TreeSet<>();
            if (environment.containsKey(AMQP_URL)) {
                needed.add(URI.create(environment.get(AMQP_URL)).getHost());
            }
            if (environment.containsKey(DB_VARIABLES.get(0))) {
                needed.add(URI.create(environment.get(DB_VARIABLES.get(0)).substring("jdbc:".length())).getHost());
            }
            if (environment.containsKey(ARI_URL)) {
                needed.add(URI.create(environment.get(ARI_URL)).getHost());
            }
            assertThat(needed).as("hosts %s reaches through its AMQP, database and ARI URLs (compose services)", module)
                    .isSubsetOf(services.keySet());
            assertThat(dependsOn(services, module).keySet()).as("depends_on of %s (the services its URLs name)", module)
                    .containsAll(needed);
        }
    }

    @Test
    void noHostPortIsPublishedTwice() throws IOException {
        assertThat(hostPortClashes(composeServices())).as("host ports published more than once in docker-compose.yml")
                .isEmpty();
    }

    /** The clash check itself, on made-up entries: ranges, protocols and the host-address form. */
    @Test
    void portMappingsAreReadWithTheirRangesAndProtocols() {
        assertThat(portMappings("a", List.of("10000-10099:10000-10099/udp"))).singleElement()
                .satisfies(mapping -> {
                    assertThat(mapping.hostPorts()).as("host ports of a range").hasSize(100).contains(10000, 10099);
                    assertThat(mapping.protocol()).isEqualTo("udp");
                });
        assertThat(portMappings("a", List.of("127.0.0.1:8080:80"))).singleElement()
                .satisfies(mapping -> assertThat(mapping.hostPorts()).containsExactly(8080));
        assertThat(portMappings("a", List.of("8080", 9090))).allSatisfy(
                mapping -> assertThat(mapping.hostPorts()).as("a container port alone publishes no fixed host port").isEmpty());

        Map<String, Object> clashing = new LinkedHashMap<>();
        clashing.put("one", Map.of("ports", List.of("5060:5060/udp", "8080:8080")));
        clashing.put("two", Map.of("ports", List.of("5000-5100:5000-5100/udp", "5060:5060")));
        assertThat(hostPortClashes(clashing)).as("5060/udp twice, 5060/tcp once").containsExactly(
                "5060/udp published by one (5060:5060/udp) and by two (5000-5100:5000-5100/udp)");
    }

    @Test
    void sharedSettingsAreIdenticalAndMatchPostgresAndRabbitMq() throws IOException {
        Map<String, Object> services = composeServices();
        Map<String, Set<String>> values = new TreeMap<>();
        for (String module : serviceModules()) {
            Map<String, String> environment = environment(services, module);
            assertThat(environment).as("environment of %s (every service speaks AMQP and checks JWTs)", module)
                    .containsKeys(JWT_SECRET, AMQP_URL);
            if (usesDatabase(module)) {
                assertThat(environment).as("environment of %s (it migrates a schema with Flyway)", module)
                        .containsKeys(DB_VARIABLES.toArray(String[]::new));
            }
            for (String variable : concat(List.of(JWT_SECRET, AMQP_URL), DB_VARIABLES)) {
                if (environment.containsKey(variable)) {
                    values.computeIfAbsent(variable, v -> new TreeSet<>()).add(environment.get(variable));
                }
            }
        }
        values.forEach((variable, set) -> assertThat(set).as("values of %s across the services", variable).hasSize(1));

        URI amqp = URI.create(values.get(AMQP_URL).iterator().next());
        Map<String, String> rabbit = environment(services, RABBITMQ);
        assertThat(amqp.getHost()).as("host of %s", AMQP_URL).isEqualTo(RABBITMQ);
        assertThat(amqp.getPort()).as("port of %s (RabbitMQ's AMQP port in the container)", AMQP_URL).isEqualTo(5672);
        String[] amqpUser = amqp.getUserInfo() == null ? new String[] {"guest", "guest"} : amqp.getUserInfo().split(":", 2);
        assertThat(amqpUser[0]).as("user of %s: RabbitMQ lets guest connect only from localhost", AMQP_URL)
                .isNotEqualTo("guest");
        assertThat(amqpUser[0]).as("user of %s against rabbitmq's RABBITMQ_DEFAULT_USER", AMQP_URL)
                .isEqualTo(rabbit.get("RABBITMQ_DEFAULT_USER"));
        assertThat(amqpUser.length > 1 ? amqpUser[1] : "").as("password of %s against rabbitmq's RABBITMQ_DEFAULT_PASS",
                AMQP_URL).isEqualTo(rabbit.get("RABBITMQ_DEFAULT_PASS"));

        URI db = URI.create(values.get(DB_VARIABLES.get(0)).iterator().next().substring("jdbc:".length()));
        Map<String, String> postgres = environment(services, POSTGRES);
        assertThat(db.getScheme()).as("scheme of VOIPBIN_DB_URL").isEqualTo("postgresql");
        assertThat(db.getHost()).as("host of VOIPBIN_DB_URL").isEqualTo(POSTGRES);
        assertThat(db.getPort()).as("port of VOIPBIN_DB_URL (PostgreSQL's port in the container)").isIn(-1, 5432);
        assertThat(db.getPath()).as("database of VOIPBIN_DB_URL against postgres's POSTGRES_DB")
                .isEqualTo("/" + postgres.get("POSTGRES_DB"));
        assertThat(values.get("VOIPBIN_DB_USER")).as("VOIPBIN_DB_USER against postgres's POSTGRES_USER")
                .containsExactly(postgres.get("POSTGRES_USER"));
        assertThat(values.get("VOIPBIN_DB_PASSWORD")).as("VOIPBIN_DB_PASSWORD against postgres's POSTGRES_PASSWORD")
                .containsExactly(postgres.get("POSTGRES_PASSWORD"));
    }

    @Test
    void everyServiceListensOnThePortItPublishesAndIsProbedOn() throws IOException {
        Map<String, Object> services = composeServices();
        for (String module : serviceModules()) {
            String port = environment(services, module).get("PORT");
            assertThat(port).as("PORT of %s", module).isNotBlank();
            Matcher probe = PROBED_PORT.matcher(healthCheck(services, module));
            assertThat(probe.find()).as("%s's health check probes an http://host:port URL: %s", module,
                    healthCheck(services, module)).isTrue();
            assertThat(probe.group(1)).as("host %s's health check probes (inside its own container)", module)
                    .isIn("localhost", "127.0.0.1");
            assertThat(probe.group(2)).as("port %s's health check probes, against its PORT", module).isEqualTo(port);
            assertThat(portMappings(module, ports(services, module)))
                    .as("ports %s publishes: one must lead to its PORT %s", module, port)
                    .anySatisfy(mapping -> assertThat(mapping.containerPorts()).containsExactly(Integer.valueOf(port)));
        }
    }

    @Test
    void asteriskIsConfiguredForTheProxy() throws IOException {
        Map<String, Object> services = composeServices();
        Map<String, String> configs = asteriskConfigMounts(services);
        assertThat(configs.keySet()).as("files of %s mounted into the asterisk service", ASTERISK_CONFIG)
                .contains("ari.conf", "http.conf", "pjsip.conf", "extensions.conf");

        Map<String, String> proxy = environment(services, "asterisk-proxy");
        assertThat(proxy).as("environment of asterisk-proxy").containsKeys(ARI_URL, ARI_USER, ARI_PASSWORD);
        URI ariUrl = URI.create(proxy.get(ARI_URL));
        assertThat(ariUrl.getHost()).as("host of asterisk-proxy's %s", ARI_URL).isEqualTo(ASTERISK);

        List<Section> http = asteriskConfig(configs.get("http.conf"));
        Section httpGeneral = section(http, "general", null, "http.conf");
        assertThat(httpGeneral.get("enabled")).as("enabled in http.conf [general]").isEqualToIgnoringCase("yes");
        assertThat(httpGeneral.get("bindaddr")).as("bindaddr in http.conf: asterisk-proxy connects from another container")
                .isIn("0.0.0.0", "::");
        String ariPort = httpGeneral.get("bindport") == null ? "8088" : httpGeneral.get("bindport");
        assertThat(String.valueOf(ariUrl.getPort())).as("port of asterisk-proxy's %s against http.conf's bindport", ARI_URL)
                .isEqualTo(ariPort);
        Matcher probe = PROBED_PORT.matcher(healthCheck(services, ASTERISK));
        assertThat(probe.find() ? probe.group(2) : "none").as("port the asterisk health check probes, against http.conf's bindport")
                .isEqualTo(ariPort);

        List<Section> ari = asteriskConfig(configs.get("ari.conf"));
        assertThat(section(ari, "general", null, "ari.conf").get("enabled")).as("enabled in ari.conf [general]")
                .isEqualToIgnoringCase("yes");
        Section user = section(ari, proxy.get(ARI_USER), "user", "ari.conf (the user asterisk-proxy is given)");
        assertThat(user.get("password")).as("password of ari.conf's user %s against asterisk-proxy's %s",
                proxy.get(ARI_USER), ARI_PASSWORD).isEqualTo(proxy.get(ARI_PASSWORD));
        assertThat(user.get("password_format") == null ? "plain" : user.get("password_format"))
                .as("password_format of ari.conf's user %s", proxy.get(ARI_USER)).isEqualTo("plain");
        Map<String, String> asterisk = environment(services, ASTERISK);
        assertThat(List.of(asterisk.get(ARI_USER), asterisk.get(ARI_PASSWORD)))
                .as("ARI credentials of the asterisk health check against asterisk-proxy's")
                .containsExactly(proxy.get(ARI_USER), proxy.get(ARI_PASSWORD));

        String app = setting("asterisk-proxy", proxy, ARI_APP);
        assertThat(setting("call-manager", environment(services, "call-manager"), "VOIPBIN_CALLMANAGER_APP"))
                .as("call-manager's Stasis application (it originates into it) against asterisk-proxy's").isEqualTo(app);
        List<Section> pjsip = asteriskConfig(configs.get("pjsip.conf"));
        List<Section> dialplan = asteriskConfig(configs.get("extensions.conf"));
        Set<String> contexts = new TreeSet<>();
        sections(pjsip, "endpoint").forEach(endpoint -> contexts.add(endpoint.get("context")));
        assertThat(contexts).as("contexts of the endpoints in pjsip.conf").isNotEmpty().doesNotContainNull();
        for (Section section : dialplan) {
            for (Map.Entry<String, String> line : section.lines()) {
                Matcher stasis = STASIS.matcher(line.getValue());
                while (stasis.find()) {
                    assertThat(stasis.group(1).trim()).as("application of %s in [%s] of extensions.conf against "
                            + "asterisk-proxy's %s", stasis.group(), section.name(), ARI_APP).isEqualTo(app);
                }
            }
        }
        for (String context : contexts) {
            Map<String, List<String>> extensions = extensions(section(dialplan, context, null, "extensions.conf"));
            assertThat(extensions).as("extensions of context [%s] in extensions.conf", context).isNotEmpty();
            extensions.forEach((extension, steps) -> assertThat(steps)
                    .as("steps of extension %s in [%s]: every dialled number goes to Stasis(%s)", extension, context, app)
                    .anyMatch(step -> step.replace(" ", "").startsWith("Stasis(" + app + ")")
                            || step.replace(" ", "").startsWith("Stasis(" + app + ",")));
        }
    }

    @Test
    void asteriskReachesTheAudioSocketServersAndTheTrunkAndPublishesItsMedia() throws IOException {
        Map<String, Object> services = composeServices();
        Map<String, String> configs = asteriskConfigMounts(services);
        assertThat(configs.keySet()).as("files of %s mounted into the asterisk service", ASTERISK_CONFIG)
                .contains("pjsip.conf", "rtp.conf");

        Map<String, String> pipecat = environment(services, "pipecat-manager");
        assertThat(setting("pipecat-manager", pipecat, "VOIPBIN_PIPECAT_AUDIOSOCKETHOST"))
                .as("pipecat-manager's AudioSocket listen address: Asterisk connects from another container")
                .isIn("0.0.0.0", "::");
        String advertised = setting("pipecat-manager", pipecat, "VOIPBIN_PIPECAT_ADVERTISEDADDRESS");
        assertThat(advertised).as("address pipecat-manager gives Asterisk for AudioSocket")
                .isEqualTo("pipecat-manager:" + setting("pipecat-manager", pipecat, "VOIPBIN_PIPECAT_AUDIOSOCKETPORT"));
        Map<String, String> calls = environment(services, "call-manager");
        assertThat(setting("call-manager", calls, "VOIPBIN_CALLMANAGER_ECHO_HOST"))
                .as("host call-manager gives Asterisk for its echo server").isEqualTo("call-manager");
        assertThat(setting("call-manager", calls, "VOIPBIN_CALLMANAGER_ECHO_PORT"))
                .as("port of call-manager's echo server (0 = any free port, unknown to the compose network)")
                .isNotEqualTo("0");

        List<Section> pjsip = asteriskConfig(configs.get("pjsip.conf"));
        Set<String> endpoints = new TreeSet<>();
        sections(pjsip, "endpoint").forEach(endpoint -> endpoints.add(endpoint.name()));
        String tel = setting("call-manager", calls, "VOIPBIN_CALLMANAGER_ENDPOINTS_TEL");
        String sip = setting("call-manager", calls, "VOIPBIN_CALLMANAGER_ENDPOINTS_SIP");
        assertThat(endpoints).as("endpoints of pjsip.conf: call-manager dials numbers as %s and SIP URIs as %s", tel, sip)
                .contains(tel.substring(tel.indexOf('@') + 1), sip.split("/")[1]);
        String trunk = tel.substring(tel.indexOf('@') + 1);
        Section trunkEndpoint = section(pjsip, trunk, "endpoint", "pjsip.conf");
        assertThat(section(pjsip, trunkEndpoint.get("aors"), "aor", "pjsip.conf (the trunk's aors)").get("contact"))
                .as("contact of the trunk's aor (where numbers are dialled)").isNotBlank();
        List<Section> phones = sections(pjsip, "endpoint").stream().filter(e -> e.get("auth") != null).toList();
        assertThat(phones).as("endpoints of pjsip.conf that phones register to (with auth)").isNotEmpty();
        for (Section phone : phones) {
            assertThat(section(pjsip, phone.get("auth"), "auth", "pjsip.conf").get("password"))
                    .as("password of phone %s", phone.name()).isNotBlank();
            assertThat(section(pjsip, phone.get("aors"), "aor", "pjsip.conf").get("max_contacts"))
                    .as("max_contacts of phone %s's aor (0 = it cannot register)", phone.name()).isNotIn(null, "0");
        }

        List<PortMapping> published = portMappings(ASTERISK, ports(services, ASTERISK));
        Section transport = sections(pjsip, "transport").stream().filter(t -> "udp".equals(t.get("protocol")))
                .findFirst().orElseThrow(() -> new AssertionError("pjsip.conf has no UDP transport"));
        int sipPort = Integer.parseInt(transport.get("bind").substring(transport.get("bind").lastIndexOf(':') + 1));
        assertThat(published).as("ports the asterisk service publishes: SIP %s/udp of pjsip.conf's transport", sipPort)
                .anySatisfy(m -> {
                    assertThat(m.protocol()).isEqualTo("udp");
                    assertThat(m.containerPorts()).containsExactly(sipPort);
                });
        Section rtp = section(asteriskConfig(configs.get("rtp.conf")), "general", null, "rtp.conf");
        List<Integer> rtpPorts = range(Integer.parseInt(rtp.get("rtpstart")), Integer.parseInt(rtp.get("rtpend")));
        assertThat(published).as("ports the asterisk service publishes: the RTP range %s-%s/udp of rtp.conf on the same "
                + "host ports (SDP announces the container's)", rtp.get("rtpstart"), rtp.get("rtpend"))
                .anySatisfy(m -> {
                    assertThat(m.protocol()).isEqualTo("udp");
                    assertThat(m.containerPorts()).isEqualTo(rtpPorts);
                    assertThat(m.hostPorts()).isEqualTo(rtpPorts);
                });
    }

    // ---- the reactor and the compose file

    private static List<String> serviceModules() throws IOException {
        Matcher matcher = MODULE.matcher(Files.readString(ROOT.resolve("pom.xml")));
        List<String> modules = new ArrayList<>();
        while (matcher.find()) {
            if (!NOT_SERVICES.contains(matcher.group(1))) {
                modules.add(matcher.group(1));
            }
        }
        assertThat(modules).as("service modules in the root pom").isNotEmpty();
        return modules;
    }

    private static boolean usesDatabase(String module) throws IOException {
        try (var files = Files.list(ROOT.resolve(module).resolve("src/main/resources"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("application")).toList()) {
                if (Files.readString(file).contains("flyway")) {
                    return true;
                }
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> composeServices() throws IOException {
        try (InputStream in = Files.newInputStream(ROOT.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(in);
            return (Map<String, Object>) compose.get("services");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> entry(Map<String, Object> services, String service) {
        Object entry = services.get(service);
        assertThat(entry).as("entry %s of docker-compose.yml", service).isInstanceOf(Map.class);
        return (Map<String, Object>) entry;
    }

    /** The entry's environment, map or {@code KEY=value} list, values as strings. */
    private static Map<String, String> environment(Map<String, Object> services, String service) {
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
    private static String healthCheck(Map<String, Object> services, String service) {
        if (!(entry(services, service).get("healthcheck") instanceof Map<?, ?> check) || Boolean.TRUE.equals(check.get("disable"))
                || check.get("test") == null) {
            return "";
        }
        return check.get("test") instanceof List<?> test
                ? String.join(" ", test.stream().map(String::valueOf).toList())
                : check.get("test").toString();
    }

    /** Dependency → condition; the list form means {@code service_started}. */
    private static Map<String, String> dependsOn(Map<String, Object> services, String service) {
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

    private static List<?> ports(Map<String, Object> services, String service) {
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

    private static List<Integer> portRange(String text) {
        String[] bounds = text.trim().split("-");
        int first = Integer.parseInt(bounds[0].trim());
        int last = bounds.length > 1 ? Integer.parseInt(bounds[1].trim()) : first;
        assertThat(last).as("port range %s", text).isGreaterThanOrEqualTo(first);
        return range(first, last);
    }

    private static List<Integer> range(int first, int last) {
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
    private static Map<String, String> asteriskConfigMounts(Map<String, Object> services) throws IOException {
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

    // ---- settings of a service: compose environment, else the default of its configuration record

    private static String setting(String module, Map<String, String> environment, String variable) throws IOException {
        if (environment.containsKey(variable)) {
            return environment.get(variable);
        }
        Map<String, String> defaults = configurationProperties(module);
        assertThat(defaults).as("settings of %s's configuration records", module).containsKey(variable);
        return defaults.get(variable);
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
        readable.addAll(configurationProperties(module).keySet());
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

    /**
     * Environment name → default ({@code @DefaultValue} string, else empty) of every component of the
     * {@code @ConfigurationProperties} records of the module and of common-rpc, nested records of the
     * same file followed ({@code voipbin.call-manager} + {@code echo.host} → {@code VOIPBIN_CALLMANAGER_ECHO_HOST}).
     */
    static Map<String, String> configurationProperties(String module) throws IOException {
        Map<String, String> result = new TreeMap<>();
        for (Path sources : List.of(ROOT.resolve(module).resolve("src/main/java"), ROOT.resolve("common-rpc/src/main/java"))) {
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (var files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(file);
                    if (!text.contains("@ConfigurationProperties(")) {
                        continue;
                    }
                    text = withoutComments(text);
                    Map<String, List<Component>> records = records(text);
                    Matcher annotation = CONFIGURATION_PROPERTIES.matcher(text);
                    while (annotation.find()) {
                        Matcher record = RECORD.matcher(text);
                        if (record.find(annotation.end())
                                && text.substring(annotation.end(), record.start()).chars().noneMatch(c -> c == '{' || c == ';')) {
                            bind(annotation.group(1), record.group(1), records, result, 0);
                        }
                    }
                }
            }
        }
        return result;
    }

    record Component(String name, String type, String defaultValue) {
    }

    private static void bind(String prefix, String record, Map<String, List<Component>> records, Map<String, String> into,
            int depth) {
        assertThat(depth).as("nesting of configuration record %s", record).isLessThan(8);
        for (Component component : records.getOrDefault(record, List.of())) {
            String key = prefix + "." + component.name();
            if (records.containsKey(component.type())) {
                bind(key, component.type(), records, into, depth + 1);
            } else {
                into.put(relaxed(key), component.defaultValue());
            }
        }
    }

    /** Record name → components, for every record declared in the (comment-free) source. */
    private static Map<String, List<Component>> records(String text) {
        Map<String, List<Component>> records = new LinkedHashMap<>();
        Matcher record = RECORD.matcher(text);
        while (record.find()) {
            int open = record.end() - 1;
            int close = closing(text, open);
            List<Component> components = new ArrayList<>();
            for (String part : topLevelSplit(text.substring(open + 1, close))) {
                Component component = component(part);
                if (component != null) {
                    components.add(component);
                }
            }
            records.put(record.group(1), components);
        }
        return records;
    }

    /** {@code @A @DefaultValue("x") Type<...> name} → name, simple type, "x". */
    private static Component component(String text) {
        String rest = text.trim();
        String defaultValue = "";
        while (rest.startsWith("@")) {
            int i = 1;
            while (i < rest.length() && (Character.isJavaIdentifierPart(rest.charAt(i)) || rest.charAt(i) == '.')) {
                i++;
            }
            String name = rest.substring(1, i);
            int j = i;
            while (j < rest.length() && Character.isWhitespace(rest.charAt(j))) {
                j++;
            }
            if (j < rest.length() && rest.charAt(j) == '(') {
                int close = closing(rest, j);
                Matcher literal = Pattern.compile("^\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*$").matcher(rest.substring(j + 1, close));
                if (name.endsWith("DefaultValue") && literal.matches()) {
                    defaultValue = literal.group(1);
                }
                i = close + 1;
            }
            rest = rest.substring(i).trim();
        }
        Matcher declaration = Pattern.compile("^(.*?)\\s*\\b(\\w+)\\s*$", Pattern.DOTALL).matcher(rest);
        if (rest.isEmpty() || !declaration.matches()) {
            return null;
        }
        String type = declaration.group(1).replaceAll("<.*>", "").replace("[]", "").replace("...", "").trim();
        type = type.substring(type.lastIndexOf('.') + 1);
        return new Component(declaration.group(2), type, defaultValue);
    }

    /** Index of the bracket closing the one at {@code open}, string literals skipped. */
    private static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(text, i);
            } else if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        throw new AssertionError("unbalanced brackets from " + text.substring(open, Math.min(text.length(), open + 80)));
    }

    private static List<String> topLevelSplit(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(text, i);
            } else if (c == '(' || c == '{' || c == '[' || c == '<') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']' || c == '>') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** Index of the quote ending the string/char literal (or text block) starting at {@code start}. */
    private static int endOfLiteral(String text, int start) {
        char quote = text.charAt(start);
        if (quote == '"' && text.startsWith("\"\"\"", start)) {
            int end = text.indexOf("\"\"\"", start + 3);
            return end < 0 ? text.length() - 1 : end + 2;
        }
        for (int i = start + 1; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.charAt(i) == quote) {
                return i;
            }
        }
        return text.length() - 1;
    }

    private static String withoutComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                int end = endOfLiteral(text, i);
                out.append(text, i, end + 1);
                i = end;
            } else if (text.startsWith("//", i)) {
                int end = text.indexOf('\n', i);
                i = (end < 0 ? text.length() : end) - 1;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = (end < 0 ? text.length() : end + 2) - 1;
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    // ---- Asterisk configuration files

    /** A section of an Asterisk config file: its key/value lines in order, templates it names first. */
    record Section(String name, List<Map.Entry<String, String>> lines) {

        /** The last value of the key (a later line overrides a template's). */
        String get(String key) {
            String value = null;
            for (Map.Entry<String, String> line : lines) {
                if (line.getKey().equals(key)) {
                    value = line.getValue();
                }
            }
            return value;
        }
    }

    /** The sections of an Asterisk config file; {@code [name](!)} templates are applied, not listed. */
    static List<Section> asteriskConfig(String repositoryPath) throws IOException {
        List<Section> sections = new ArrayList<>();
        Map<String, List<Map.Entry<String, String>>> templates = new LinkedHashMap<>();
        List<Map.Entry<String, String>> current = null;
        for (String raw : Files.readAllLines(ROOT.resolve(repositoryPath))) {
            String line = raw.replaceAll("(?<!\\\\);.*$", "").trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                int close = line.indexOf(']');
                assertThat(close).as("section header in %s: %s", repositoryPath, raw).isPositive();
                String name = line.substring(1, close).trim();
                current = new ArrayList<>();
                boolean template = false;
                String options = line.substring(close + 1).trim();
                if (options.startsWith("(") && options.endsWith(")")) {
                    for (String option : options.substring(1, options.length() - 1).split(",")) {
                        option = option.trim();
                        if (option.equals("!")) {
                            template = true;
                        } else if (!option.isEmpty()) {
                            assertThat(templates).as("templates defined before [%s] in %s", name, repositoryPath)
                                    .containsKey(option);
                            current.addAll(templates.get(option));
                        }
                    }
                }
                if (template) {
                    templates.put(name, current);
                } else {
                    sections.add(new Section(name, current));
                }
                continue;
            }
            int equals = line.indexOf('=');
            assertThat(current).as("line outside any section in %s: %s", repositoryPath, raw).isNotNull();
            assertThat(equals).as("key = value line in %s: %s", repositoryPath, raw).isPositive();
            String key = line.substring(0, equals).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(equals + 1);
            current.add(Map.entry(key, (value.startsWith(">") ? value.substring(1) : value).trim()));
        }
        return sections;
    }

    private static List<Section> sections(List<Section> sections, String type) {
        return sections.stream().filter(s -> type.equals(s.get("type"))).toList();
    }

    /** The section named so (of that type, if given); fails naming the file when there is none. */
    private static Section section(List<Section> sections, String name, String type, String file) {
        return sections.stream().filter(s -> s.name().equals(name) && (type == null || type.equals(s.get("type"))))
                .findFirst().orElseThrow(() -> new AssertionError(
                        file + " has no section [" + name + "]" + (type == null ? "" : " of type " + type)));
    }

    /**
     * Extension pattern → the applications of its steps, from {@code exten => pattern,priority,App(...)}
     * and the {@code same => priority,App(...)} lines after it.
     */
    private static Map<String, List<String>> extensions(Section context) {
        Map<String, List<String>> extensions = new LinkedHashMap<>();
        String extension = null;
        for (Map.Entry<String, String> line : context.lines()) {
            List<String> fields = List.of(line.getValue().split(",", -1));
            if (line.getKey().equals("exten")) {
                assertThat(fields.size()).as("fields of exten => %s in [%s]", line.getValue(), context.name())
                        .isGreaterThanOrEqualTo(3);
                extension = fields.get(0).trim();
                extensions.computeIfAbsent(extension, e -> new ArrayList<>())
                        .add(String.join(",", fields.subList(2, fields.size())).trim());
            } else if (line.getKey().equals("same")) {
                assertThat(extension).as("extension before same => %s in [%s]", line.getValue(), context.name()).isNotNull();
                assertThat(fields.size()).as("fields of same => %s in [%s]", line.getValue(), context.name())
                        .isGreaterThanOrEqualTo(2);
                extensions.get(extension).add(String.join(",", fields.subList(1, fields.size())).trim());
            }
        }
        return extensions;
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
