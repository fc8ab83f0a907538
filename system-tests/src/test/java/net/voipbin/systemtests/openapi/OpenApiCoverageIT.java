package net.voipbin.systemtests.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import net.voipbin.rpc.config.OperatorAccess;
import net.voipbin.rpc.json.Json;
import net.voipbin.systemtests.local.PortBlock;
import net.voipbin.systemtests.local.VoipbinCli;
import net.voipbin.testsupport.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's one API document names every public route the fleet serves: local mode runs every
 * service and the gateway; each tells an operator what it serves ({@code /actuator/mappings}), and every
 * {@code /v1.0} method and path of each must be an operation of the merged {@code /v3/api-docs} (kept in
 * {@code target/openapi/voipbin-api.json}).
 */
class OpenApiCoverageIT {

    private static final JsonMapper JSON = Json.newMapper();
    /** local mode's components that are not fleet services. */
    private static final Set<String> INFRASTRUCTURE = Set.of("postgresql", "amqp-broker", "asterisk-sim");

    private static VoipbinCli cli;
    private static JsonNode status;

    @BeforeAll
    static void startLocalMode() {
        cli = new VoipbinCli(Path.of("target", "local-mode", "openapi-" + UUID.randomUUID()), PortBlock.freeBase());
        VoipbinCli.Result started = cli.run(Duration.ofMinutes(3), "start");
        if (started.exitCode() != 0) {
            cli.run(Duration.ofMinutes(1), "stop");
            throw new IllegalStateException("./voipbin start exited " + started.exitCode() + ":\n" + started.output());
        }
        status = JSON.readTree(Http.get("http://127.0.0.1:" + (cli.portBase() + 11) + "/status", null).body());
    }

    @AfterAll
    static void stopLocalMode() {
        if (cli != null) {
            cli.run(Duration.ofMinutes(2), "stop");
        }
    }

    @Test
    void everyRouteEveryServiceServesIsInTheGatewaysDocument() {
        Map<String, Set<String>> served = servedByEveryService();
        String merged = Http.get(component("api-gateway") + "/v3/api-docs", null).body();
        keepForReview(merged);
        JsonNode document = JSON.readTree(merged);
        Set<String> documented = operations(document);

        List<String> undocumented = new ArrayList<>();
        served.forEach((service, routes) -> routes.stream().filter(route -> !documented.contains(route))
                .forEach(route -> undocumented.add(service + ": " + route)));
        assertThat(undocumented).as("routes served but missing from the gateway's /v3/api-docs").isEmpty();
        assertThat(document.path("x-voipbin-missing")).as("services left out of the document").isEmpty();
        assertThat(document.path("x-voipbin-unrouted")).as("paths the gateway does not route").isEmpty();
        // The check has something to check: every service with a public API, and the gateway's own events.
        assertThat(served.get("call-manager")).contains("POST /v1.0/calls/{id}/hangup");
        assertThat(served.get("outdial-manager")).contains("POST /v1.0/outdials/{outdialId}/targets/import");
        assertThat(served.get("api-gateway")).contains("GET /v1.0/events");
        assertThat(served.entrySet().stream().filter(service -> !service.getValue().isEmpty()).map(Map.Entry::getKey))
                .contains("call-manager", "flow-manager", "campaign-manager", "outdial-manager", "queue-manager",
                        "agent-manager", "conference-manager", "webhook-manager", "api-gateway");
    }

    @Test
    void everyServicesOwnDocumentIsServedWithoutAToken() {
        for (String service : services()) {
            Http.Response own = Http.get(component(service) + "/v3/api-docs", null);
            // asterisk-proxy has no public API: springdoc is off there.
            int expected = service.equals("asterisk-proxy") ? 404 : 200;
            assertThat(own.status()).as("%s /v3/api-docs: %s", service, own.body()).isEqualTo(expected);
        }
    }

    /** Service → "METHOD /v1.0/path" for every request mapping under /v1.0 it serves. */
    private static Map<String, Set<String>> servedByEveryService() {
        String operator = OperatorAccess.mint(fleetKey(), Duration.ofHours(1));
        Map<String, Set<String>> served = new TreeMap<>();
        for (String service : services()) {
            Http.Response mappings = Http.get(component(service) + "/actuator/mappings", operator);
            assertThat(mappings.status()).as("%s /actuator/mappings: %s", service, mappings.body()).isEqualTo(200);
            served.put(service, publicRoutes(JSON.readTree(mappings.body())));
        }
        return served;
    }

    private static Set<String> publicRoutes(JsonNode mappings) {
        Set<String> routes = new TreeSet<>();
        for (JsonNode context : mappings.path("contexts")) {
            for (JsonNode servlet : context.at("/mappings/dispatcherServlets")) {
                for (JsonNode mapping : servlet) {
                    JsonNode conditions = mapping.at("/details/requestMappingConditions");
                    for (JsonNode pattern : conditions.path("patterns")) {
                        if (pattern.asString().startsWith("/v1.0/")) {
                            conditions.path("methods").forEach(method -> routes.add(method.asString() + " " + pattern.asString()));
                            if (conditions.path("methods").isEmpty()) {
                                routes.add("ANY " + pattern.asString());
                            }
                        }
                    }
                }
            }
        }
        return routes;
    }

    private static Set<String> operations(JsonNode document) {
        Set<String> operations = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(operation -> operations.add(operation.getKey().toUpperCase() + " " + path.getKey())));
        return operations;
    }

    private static List<String> services() {
        List<String> services = new ArrayList<>();
        status.path("components").forEach(component -> {
            String name = component.path("name").asString();
            if (!INFRASTRUCTURE.contains(name)) {
                services.add(name);
            }
        });
        assertThat(services).contains("api-gateway", "call-manager");
        return services;
    }

    private static String component(String name) {
        for (JsonNode component : status.path("components")) {
            if (name.equals(component.path("name").asString())) {
                return component.path("url").asString();
            }
        }
        throw new IllegalArgumentException("no component " + name + " in " + status);
    }

    /** The merged document, for a reviewer to read or load into any OpenAPI tool. */
    private static void keepForReview(String document) {
        try {
            Path file = Path.of("target", "openapi", "voipbin-api.json");
            Files.createDirectories(file.getParent());
            Files.writeString(file, document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fleetKey() {
        try {
            return Files.readString(cli.home().resolve("jwt-secret")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
