package net.voipbin.rpc.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * What every service's document says besides its operations: which service it is, that every operation
 * takes the customer's bearer JWT (so Swagger UI offers to send one), the fleet's one error body, and
 * operation ids that stay unique once the gateway merges every service's document into one.
 */
final class FleetDocument implements OpenApiCustomizer {

    static final String BEARER = "bearer";
    static final String ERROR_NAME = "ErrorBody";
    static final String ERROR_SCHEMA = "#/components/schemas/" + ERROR_NAME;

    private final String service;

    FleetDocument(String service) {
        this.service = service;
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.info(new Info().title(service == null ? "VoIPBIN API" : "VoIPBIN " + service).version("v1.0")
                .description("The public REST API: JSON in snake_case, timestamps in ISO-8601 UTC."));
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        components.addSecuritySchemes(BEARER, bearerScheme());
        components.addSchemas(ERROR_NAME, errorSchema());
        openApi.components(components);
        openApi.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
        if (openApi.getPaths() != null) {
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> operation.setOperationId(operationId(method.name(), path))));
        }
    }

    /**
     * {@code POST /v1.0/calls/{id}/hangup} → {@code post_calls_by_id_hangup}: a path belongs to one service,
     * so the id is unique in the merged document too, unlike springdoc's method names ({@code list},
     * {@code get_1}).
     */
    static String operationId(String method, String path) {
        StringBuilder id = new StringBuilder(method.toLowerCase(Locale.ROOT));
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.matches("v\\d+(\\.\\d+)?")) {
                continue;
            }
            id.append('_').append(segment.startsWith("{") ? "by_" + segment.substring(1, segment.length() - 1) : segment);
        }
        return id.toString().replaceAll("[^A-Za-z0-9_]", "_");
    }

    static SecurityScheme bearerScheme() {
        return new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("An HS256 JWT signed with the fleet's key whose customer_id claim names the customer "
                        + "(scripts/mint-token.sh <customer-uuid>)");
    }

    /** {@code net.voipbin.rpc.error.ErrorBody} as the wire writes it (a null {@code field} is left out). */
    @SuppressWarnings("rawtypes")
    static Schema<?> errorSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("error", text("a stable snake_case code: invalid_argument, unauthenticated, not_found, ..."));
        properties.put("message", text("what went wrong, for a person"));
        properties.put("field", text("the snake_case field at fault, only for validation errors"));
        Schema<?> schema = new JsonSchema().typesItem("object").description("The one error body of every service");
        schema.setProperties(properties);
        schema.setRequired(List.of("error", "message"));
        return schema;
    }

    private static Schema<?> text(String description) {
        return new JsonSchema().typesItem("string").description(description);
    }
}
