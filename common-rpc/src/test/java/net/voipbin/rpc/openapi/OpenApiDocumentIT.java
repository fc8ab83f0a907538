package net.voipbin.rpc.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import net.voipbin.rpc.auth.JwtTokens;
import net.voipbin.rpc.config.OperatorAccess;
import net.voipbin.rpc.json.Json;
import net.voipbin.testsupport.Http;
import net.voipbin.testsupport.TestInfra;
import tools.jackson.databind.JsonNode;

/** A service's own OpenAPI document, as Swagger UI and the api-gateway read it: without a token. */
class OpenApiDocumentIT {

    private static ConfigurableApplicationContext service;
    private static String base;
    private static JsonNode document;

    @BeforeAll
    static void start() {
        service = TicketApp.start();
        base = "http://127.0.0.1:" + service.getEnvironment().getProperty("local.server.port");
        Http.Response docs = Http.get(base + "/v3/api-docs", null);
        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        document = Json.newMapper().readTree(docs.body());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void namesEveryRouteTheServiceServesWithItsPathTemplate() {
        Set<String> documented = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(operation -> documented.add(operation.getKey().toUpperCase() + " " + path.getKey())));

        assertThat(documented).containsExactlyInAnyOrderElementsOf(served(service));
        assertThat(documented).contains("GET /v1.0/tickets/{id}", "GET /v1.0/tickets/{id}/watchers",
                "POST /v1.0/tickets/{id}/watchers", "POST /v1.0/tickets/{id}/notes");
    }

    @Test
    void givesEveryOperationAnIdThatStaysUniqueOnceServicesAreMerged() {
        assertThat(document.at("/paths/~1v1.0~1tickets~1{id}~1watchers/post/operationId").asString())
                .isEqualTo("post_tickets_by_id_watchers");
        assertThat(document.at("/paths/~1v1.0~1tickets/get/operationId").asString()).isEqualTo("get_tickets");
        assertThat(document.at("/paths/~1v1.0~1tickets/get/tags/0").asString()).isEqualTo("Ticket");
    }

    @Test
    void asksForTheCustomersTokenNotForACustomerOrPageArgument() {
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
        assertThat(document.at("/security/0").has("bearer")).isTrue();

        JsonNode list = document.at("/paths/~1v1.0~1tickets/get");
        assertThat(parameterNames(list)).containsExactlyInAnyOrder("status", "page_size", "page_token");
        assertThat(list.has("requestBody")).isFalse();
        JsonNode get = document.at("/paths/~1v1.0~1tickets~1{id}/get");
        assertThat(parameterNames(get)).containsExactly("id");
        assertThat(get.at("/parameters/0/in").asString()).isEqualTo("path");
    }

    @Test
    void describesBodiesAsTheWireWritesThemInSnakeCaseWithLowerCaseEnums() {
        JsonNode ticket = document.at("/components/schemas/TicketAppTicket/properties");
        assertThat(propertyNames(ticket)).containsExactlyInAnyOrder("id", "customer_id", "subject_line", "status",
                "tm_create");
        assertThat(ticket.at("/status/enum").valueStream().map(JsonNode::asString))
                .containsExactly("open", "on_hold", "closed");
        assertThat(ticket.at("/tm_create/format").asString()).isEqualTo("date-time");
        String pageRef = document.at("/paths/~1v1.0~1tickets/get/responses/200/content/application~1json/schema/$ref")
                .asString();
        JsonNode page = document.at("/components/schemas/" + pageRef.substring(pageRef.lastIndexOf('/') + 1));
        assertThat(propertyNames(page.path("properties"))).containsExactlyInAnyOrder("result", "next_page_token");
    }

    @Test
    void namesTheFieldsAnAnswerReallyCarries() {
        String token = JwtTokens.mint(TestInfra.JWT_SECRET, UUID.randomUUID(), Duration.ofHours(1));
        Http.Response created = Http.post(base + "/v1.0/tickets", token,
                "{\"subject_line\": \"no dial tone\", \"initial_status\": \"on_hold\"}");
        assertThat(created.status()).isEqualTo(201);
        JsonNode answer = Json.newMapper().readTree(created.body());

        JsonNode schema = document.at("/components/schemas/TicketAppTicket/properties");
        assertThat(propertyNames(answer)).containsExactlyInAnyOrderElementsOf(propertyNames(schema));
        assertThat(schema.at("/status/enum").valueStream().map(JsonNode::asString)).contains(answer.path("status").asString());
    }

    @Test
    void keepsTwoControllersBodiesOfTheSameSimpleNameApart() {
        String ticketBody = document.at("/paths/~1v1.0~1tickets/post/requestBody/content/application~1json/schema/$ref")
                .asString();
        String noteBody = document
                .at("/paths/~1v1.0~1tickets~1{id}~1notes/post/requestBody/content/application~1json/schema/$ref")
                .asString();
        assertThat(ticketBody).isEqualTo("#/components/schemas/TicketAppTicketCreateBody");
        assertThat(noteBody).isEqualTo("#/components/schemas/TicketAppNoteCreateBody");
        assertThat(document.at("/components/schemas/TicketAppTicketCreateBody/required").valueStream()
                .map(JsonNode::asString)).containsExactly("subject_line");
        JsonNode details = document.at("/components/schemas/TicketAppTicketCreateBody/properties/details");
        assertThat(details.path("description").asString()).isEqualTo("any JSON value");
        assertThat(details.has("properties")).as("a JsonNode's getters described as its fields").isFalse();
        assertThat(document.at("/components/schemas/TicketAppNoteCreateBody/required").valueStream()
                .map(JsonNode::asString)).containsExactly("text");
    }

    @Test
    void documentsTheOneErrorBodyOnEveryOperation() {
        JsonNode error = document.at("/components/schemas/ErrorBody");
        assertThat(propertyNames(error.path("properties"))).containsExactlyInAnyOrder("error", "message", "field");
        assertThat(error.at("/properties/error/type").asString()).isEqualTo("string");
        assertThat(error.at("/required").valueStream().map(JsonNode::asString)).containsExactly("error", "message");
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            JsonNode responses = operation.getValue().path("responses");
            assertThat(responses.at("/401/content/application~1json/schema/$ref").asString())
                    .as("%s %s", operation.getKey(), path.getKey()).isEqualTo("#/components/schemas/ErrorBody");
            assertThat(responses.has("default")).isTrue();
        }));
        assertThat(document.at("/paths/~1v1.0~1tickets~1{id}/get/responses").has("404")).isTrue();
        assertThat(document.at("/paths/~1v1.0~1tickets/post/responses").has("400")).isTrue();
        assertThat(document.at("/paths/~1v1.0~1tickets/post/responses").has("201")).isTrue();
    }

    @Test
    void keepsTheApiItselfBehindTheToken() {
        assertThat(Http.get(base + "/v1.0/tickets", null).status()).isEqualTo(401);
    }

    @Test
    void listsTheServedRoutesToOperatorsOnly() {
        String customer = JwtTokens.mint(TestInfra.JWT_SECRET, UUID.randomUUID(), Duration.ofHours(1));
        String operator = OperatorAccess.mint(TestInfra.JWT_SECRET, Duration.ofHours(1));

        assertThat(Http.get(base + "/actuator/mappings", customer).status()).isEqualTo(403);
        Http.Response mappings = Http.get(base + "/actuator/mappings", operator);
        assertThat(mappings.status()).isEqualTo(200);
        assertThat(mappings.body()).contains("/v1.0/tickets/{id}/watchers");
    }

    /** "GET /v1.0/tickets/{id}" for every method of every {@code /v1.0} mapping the service serves. */
    static Set<String> served(ConfigurableApplicationContext context) {
        Set<String> routes = new TreeSet<>();
        RequestMappingHandlerMapping mappings = context.getBean("requestMappingHandlerMapping",
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

    private static List<String> parameterNames(JsonNode operation) {
        List<String> names = new ArrayList<>();
        operation.path("parameters").forEach(parameter -> names.add(parameter.path("name").asString()));
        return names;
    }

    private static List<String> propertyNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.properties().forEach(entry -> names.add(entry.getKey()));
        return names;
    }
}
