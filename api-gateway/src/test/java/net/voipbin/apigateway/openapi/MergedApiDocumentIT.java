package net.voipbin.apigateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import net.voipbin.apigateway.ApiGatewayApplication;
import net.voipbin.fakeservice.FakeService;
import net.voipbin.rpc.auth.JwtTokens;
import net.voipbin.rpc.json.Json;
import net.voipbin.testsupport.Http;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's one API document, merged from services that run (two of them, built like the fleet's)
 * and services that do not (the seven others, on a closed port), read as Swagger UI reads it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MergedApiDocumentIT {

    private static final List<String> DOWN = List.of("campaign-manager", "outdial-manager", "queue-manager",
            "agent-manager", "conference-manager", "webhook-manager", "pipecat-manager");

    private static ConfigurableApplicationContext calls;
    private static ConfigurableApplicationContext flows;
    private static ConfigurableApplicationContext gateway;
    private static String base;

    @BeforeAll
    static void start() {
        calls = FakeService.callManager();
        flows = FakeService.flowManager();
        int closed = closedPort();
        List<String> args = new ArrayList<>(List.of(
                "--voipbin.gateway.services.call-manager=" + baseOf(calls),
                "--voipbin.gateway.services.flow-manager=" + baseOf(flows),
                "--voipbin.gateway.openapi.cache=2s",
                "--voipbin.gateway.openapi.partial-cache=200ms",
                "--voipbin.amqp.namespace=" + TestInfra.uniqueNamespace(),
                "--spring.rabbitmq.addresses=" + TestInfra.rabbit().uri(),
                "--voipbin.auth.jwt-secret=" + TestInfra.JWT_SECRET,
                "--server.port=0",
                "--spring.main.banner-mode=off"));
        DOWN.forEach(service -> args.add("--voipbin.gateway.services." + service + "=http://127.0.0.1:" + closed));
        gateway = new SpringApplicationBuilder(ApiGatewayApplication.class).run(args.toArray(String[]::new));
        base = baseOf(gateway);
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {gateway, flows, calls}) {
            if (context != null && context.isActive()) {
                context.close();
            }
        }
    }

    @Test
    void describesEveryRouteOfEveryRunningServiceWithoutAToken() {
        JsonNode document = document();

        Set<String> expected = new TreeSet<>(served(calls));
        expected.addAll(served(flows));
        assertThat(expected).contains("GET /v1.0/calls/{id}", "DELETE /v1.0/flows/{id}");
        assertThat(operations(document)).containsAll(expected).contains("GET /v1.0/events");
        assertThat(document.at("/paths/~1v1.0~1events/get/responses/200/content/text~1event-stream/schema/type")
                .asString()).isEqualTo("string");
        assertThat(document.at("/paths/~1v1.0~1calls~1{id}~1hangup/post/x-voipbin-service").asString())
                .isEqualTo("call-manager");
    }

    @Test
    void sendsSwaggerUisTryItOutThroughTheGatewayWithTheCustomersToken() {
        JsonNode document = document();

        assertThat(document.at("/servers/0/url").asString()).isEqualTo(base);
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
        assertThat(document.at("/security/0").has("bearer")).isTrue();
        String token = JwtTokens.mint(TestInfra.JWT_SECRET, UUID.randomUUID(), Duration.ofHours(1));
        Http.Response tried = Http.get(document.at("/servers/0/url").asString() + "/v1.0/calls", token);
        assertThat(tried.status()).isEqualTo(200);
        assertThat(tried.body()).contains("progressing");
    }

    @Test
    void keepsBothServicesBodiesOfTheSameName() {
        JsonNode document = document();

        assertThat(document.at("/paths/~1v1.0~1calls/post/requestBody/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/CallCreateBody");
        assertThat(document.at("/paths/~1v1.0~1flows/post/requestBody/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/FlowCreateBody");
        assertThat(document.at("/components/schemas/ErrorBody/properties").has("error")).isTrue();
        assertThat(document.at("/components/schemas/CallCreateBody/required/0").asString()).isEqualTo("destination");
    }

    @Test
    void namesTheServicesThatAreDownInsteadOfFailing() {
        JsonNode document = document();

        List<String> missing = new ArrayList<>();
        document.path("x-voipbin-missing").forEach(service -> missing.add(service.path("service").asString()));
        assertThat(missing).containsExactlyInAnyOrderElementsOf(DOWN);
        assertThat(document.at("/x-voipbin-missing/0/reason").asString()).contains("unreachable");
        assertThat(document.path("x-voipbin-unrouted")).isEmpty();
    }

    @Test
    void servesSwaggerUiOverTheMergedDocument() {
        Http.Response welcome = Http.get(base + "/swagger-ui.html", null);
        assertThat(welcome.status()).isEqualTo(302);

        Http.Response page = Http.get(base + "/swagger-ui/index.html", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");

        Http.Response config = Http.get(base + "/v3/api-docs/gateway/swagger-config", null);
        assertThat(config.status()).isEqualTo(200);
        assertThat(Json.newMapper().readTree(config.body()).path("url").asString()).isEqualTo("/v3/api-docs");
    }

    /** Last: it stops flow-manager. */
    @Test
    @Order(Integer.MAX_VALUE)
    void leavesOutAServiceThatGoesDownAndSaysSo() {
        assertThat(operations(document())).contains("POST /v1.0/flows");

        flows.close();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode document = document();
            assertThat(operations(document)).doesNotContain("POST /v1.0/flows").contains("POST /v1.0/calls");
            assertThat(document.path("x-voipbin-missing").findValuesAsString("service")).contains("flow-manager");
        });
    }

    private static JsonNode document() {
        Http.Response response = Http.get(base + "/v3/api-docs", null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return Json.newMapper().readTree(response.body());
    }

    private static Set<String> operations(JsonNode document) {
        Set<String> operations = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(operation -> operations.add(operation.getKey().toUpperCase() + " " + path.getKey())));
        return operations;
    }

    /** Every method of every {@code /v1.0} mapping the service serves: "GET /v1.0/calls/{id}". */
    private static Set<String> served(ConfigurableApplicationContext service) {
        Set<String> routes = new TreeSet<>();
        RequestMappingHandlerMapping mappings = service.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String path : info.getPatternValues()) {
                if (path.startsWith("/v1.0/")) {
                    for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                        routes.add(method.name() + " " + path);
                    }
                }
            }
        }
        return routes;
    }

    private static String baseOf(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
