package net.voipbin.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static net.voipbin.testsupport.ComposeFile.*;
import static net.voipbin.testsupport.ServiceSettings.*;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

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

    private static final Set<String> NOT_SERVICES = Set.of("common-rpc", "test-support", "asterisk-sim", "benchmarks",
            "system-tests", "local-mode");
    private static final String POSTGRES = "postgres";
    private static final String RABBITMQ = "rabbitmq";
    /** Compose entries that are not modules of the reactor: the parts the services run on. */
    private static final Set<String> INFRASTRUCTURE = Set.of(POSTGRES, RABBITMQ, ASTERISK);

    private static final String JWT_SECRET = "VOIPBIN_AUTH_JWT_SECRET";
    private static final String AMQP_URL = "VOIPBIN_AMQP_URL";
    private static final List<String> DB_VARIABLES = List.of("VOIPBIN_DB_URL", "VOIPBIN_DB_USER", "VOIPBIN_DB_PASSWORD");
    private static final String ARI_URL = "VOIPBIN_ASTERISK_ARI_URL";
    private static final String ARI_USER = "VOIPBIN_ASTERISK_ARI_USER";
    private static final String ARI_PASSWORD = "VOIPBIN_ASTERISK_ARI_PASSWORD";
    private static final String ARI_APP = "VOIPBIN_ASTERISK_ARI_APP";

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern PROBED_PORT = Pattern.compile("https?://([^/:\\s\"']+):(\\d+)");
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

}
