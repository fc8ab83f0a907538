package net.voipbin.apigateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.voipbin.rpc.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class DocumentMergerTest {

    private static final JsonMapper JSON = Json.newMapper();

    private static final String CALLS = """
            {"openapi": "3.1.0",
             "paths": {"/v1.0/calls": {"post": {"operationId": "post_calls", "tags": ["Call"],
                 "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/CreateBody"}}}},
                 "responses": {"201": {"description": "Created",
                     "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Wrapper"}}}}}}}},
             "components": {"schemas": {
                 "Address": {"type": "object", "properties": {"target": {"type": "string"}}},
                 "CreateBody": {"type": "object", "properties": {"source": {"$ref": "#/components/schemas/Address"}}},
                 "Wrapper": {"type": "object", "properties": {"body": {"$ref": "#/components/schemas/CreateBody"}}},
                 "ErrorBody": {"type": "object"}}}}
            """;

    private static final String FLOWS = """
            {"openapi": "3.1.0",
             "paths": {"/v1.0/flows": {"post": {"operationId": "post_flows", "tags": ["Flow"],
                 "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/CreateBody"}}}},
                 "responses": {"201": {"description": "Created",
                     "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Wrapper"}}}}}}},
                       "/v1.0/calls/{id}/flows": {"get": {"responses": {"200": {"description": "OK"}}}}},
             "components": {"schemas": {
                 "Address": {"type": "object", "properties": {"target": {"type": "string"}}},
                 "CreateBody": {"type": "object", "properties": {"name": {"type": "string"}}},
                 "Wrapper": {"type": "object", "properties": {"body": {"$ref": "#/components/schemas/CreateBody"}}},
                 "ErrorBody": {"type": "object"}}}}
            """;

    private static final String GATEWAY = """
            {"openapi": "3.1.0",
             "paths": {"/v1.0/events": {"get": {"tags": ["EventStream"], "responses": {"200": {"description": "OK"}}}},
                       "/v1.0/calls/**": {"get": {"responses": {"200": {"description": "OK"}}}}}}
            """;

    private final DocumentMerger merger = new DocumentMerger();

    @Test
    void putsEveryServicesPathsInOneDocumentNamingTheServiceBehindEachOperation() {
        ObjectNode merged = merge(List.of(), CALLS, FLOWS);

        assertThat(merged.path("paths").propertyNames()).containsExactly("/v1.0/calls", "/v1.0/flows");
        assertThat(merged.at("/paths/~1v1.0~1calls/post/x-voipbin-service").asString()).isEqualTo("call-manager");
        assertThat(merged.at("/paths/~1v1.0~1flows/post/x-voipbin-service").asString()).isEqualTo("flow-manager");
        assertThat(merged.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
        assertThat(merged.at("/security/0").has("bearer")).isTrue();
        assertThat(merged.path("tags").findValuesAsString("name")).containsExactly("Call", "Flow");
    }

    @Test
    void listsPathsInNameOrderWhateverOrderTheServicesAnswerIn() {
        ObjectNode merged = merger.merge(List.of(
                new ServiceDocument("flow-manager", JSON.readTree(FLOWS.replace("\"/v1.0/flows\"", "\"/v1.0/activeflows\""))),
                new ServiceDocument("call-manager", JSON.readTree(CALLS))), List.of());

        assertThat(merged.path("paths").propertyNames()).containsExactly("/v1.0/activeflows", "/v1.0/calls");
    }

    @Test
    void keepsASharedSchemaOnceAndRenamesAClashingOneWithItsReferences() {
        ObjectNode merged = merge(List.of(), CALLS, FLOWS);
        JsonNode schemas = merged.at("/components/schemas");

        assertThat(schemas.propertyNames()).containsExactlyInAnyOrder("Address", "CreateBody", "Wrapper", "ErrorBody",
                "FlowManagerCreateBody", "FlowManagerWrapper");
        assertThat(schemas.at("/CreateBody/properties").has("source")).isTrue();
        assertThat(schemas.at("/FlowManagerCreateBody/properties").has("name")).isTrue();
        assertThat(merged.at("/paths/~1v1.0~1flows/post/requestBody/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/FlowManagerCreateBody");
        // Same text as call-manager's Wrapper, but it wraps flow-manager's CreateBody: renamed too.
        assertThat(merged.at("/paths/~1v1.0~1flows/post/responses/201/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/FlowManagerWrapper");
        assertThat(schemas.at("/FlowManagerWrapper/properties/body/$ref").asString())
                .isEqualTo("#/components/schemas/FlowManagerCreateBody");
        assertThat(merged.at("/paths/~1v1.0~1calls/post/requestBody/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/CreateBody");
    }

    @Test
    void leavesOutAndNamesAPathTheGatewayDoesNotRouteToTheServiceThatServesIt() {
        ObjectNode merged = merge(List.of(), CALLS, FLOWS);

        assertThat(merged.path("paths").has("/v1.0/calls/{id}/flows")).isFalse();
        assertThat(merged.at("/x-voipbin-unrouted/0/service").asString()).isEqualTo("flow-manager");
        assertThat(merged.at("/x-voipbin-unrouted/0/path").asString()).isEqualTo("/v1.0/calls/{id}/flows");
    }

    @Test
    void addsTheGatewaysOwnOperationsButNotItsProxyRoutes() {
        List<ServiceDocument> documents = new ArrayList<>(documents(CALLS, FLOWS));
        documents.add(new ServiceDocument(DocumentMerger.GATEWAY, JSON.readTree(GATEWAY)));

        ObjectNode merged = merger.merge(documents, List.of());

        assertThat(merged.at("/paths/~1v1.0~1events/get/x-voipbin-service").asString()).isEqualTo("api-gateway");
        assertThat(merged.path("paths").has("/v1.0/calls/**")).isFalse();
        assertThat(merged.path("x-voipbin-unrouted")).hasSize(1);
    }

    @Test
    void namesAServiceThatDidNotAnswerAndStillDescribesTheOthers() {
        ObjectNode merged = merge(List.of(new MissingService("flow-manager", "connection refused")), CALLS);

        assertThat(merged.path("paths").has("/v1.0/calls")).isTrue();
        assertThat(merged.at("/x-voipbin-missing/0/service").asString()).isEqualTo("flow-manager");
        assertThat(merged.at("/x-voipbin-missing/0/reason").asString()).isEqualTo("connection refused");
    }

    @Test
    void aServiceWithAMalformedDocumentIsNamedAsMissingNotAFailedDocument() {
        String garbage = """
                {"openapi": "3.1.0", "paths": {"/v1.0/flows": "not an object"}, "components": "nonsense"}
                """;

        ObjectNode merged = merge(List.of(), CALLS, garbage);

        assertThat(merged.path("paths").has("/v1.0/calls")).isTrue();
        assertThat(merged.path("paths").has("/v1.0/flows")).isFalse();
        assertThat(merged.at("/x-voipbin-missing/0/service").asString()).isEqualTo("flow-manager");
    }

    private ObjectNode merge(List<MissingService> missing, String... documents) {
        return merger.merge(documents(documents), missing);
    }

    /** The first is call-manager's, the second flow-manager's. */
    private static List<ServiceDocument> documents(String... documents) {
        List<String> services = List.of("call-manager", "flow-manager");
        List<ServiceDocument> result = new ArrayList<>();
        for (int i = 0; i < documents.length; i++) {
            result.add(new ServiceDocument(services.get(i), JSON.readTree(documents[i])));
        }
        return result;
    }
}
