package net.voipbin.rpc.openapi;

import static org.springframework.http.MediaType.APPLICATION_JSON_VALUE;

import java.util.Arrays;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import net.voipbin.rpc.rest.PageQuery;

/**
 * The errors every operation can answer, all in the fleet's one body ({@link FleetDocument#ERROR_SCHEMA}):
 * 401 always (every {@code /v1.0} path needs a token), 400 when the caller sends anything to validate, 404
 * when the path names a resource, and the rest (409 state conflicts, 5xx) as the default response. A
 * response the operation already declares is left as it is.
 */
final class ErrorResponses implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty())
                || Arrays.stream(handlerMethod.getMethodParameters())
                        .anyMatch(parameter -> parameter.getParameterType() == PageQuery.class);
        if (takesInput) {
            add(responses, "400", "invalid_argument (with the field) or invalid_body");
        }
        add(responses, "401", "unauthenticated: no bearer token, or an invalid or expired one");
        if (names(handlerMethod)) {
            add(responses, "404", "not_found: no such resource, or another customer's");
        }
        add(responses, "default", "any other error: 409 with the conflict's code, 503 service_unavailable, "
                + "504 rpc_timeout, 500 internal_error");
        operation.setResponses(responses);
        return operation;
    }

    /** A path variable names a resource that may not exist (or be another customer's). */
    private static boolean names(HandlerMethod handlerMethod) {
        return Arrays.stream(handlerMethod.getMethodParameters())
                .anyMatch(parameter -> parameter.hasParameterAnnotation(PathVariable.class));
    }

    private static void add(ApiResponses responses, String status, String description) {
        if (responses.containsKey(status)) {
            return;
        }
        responses.addApiResponse(status, new ApiResponse().description(description)
                .content(new Content().addMediaType(APPLICATION_JSON_VALUE,
                        new MediaType().schema(new Schema<>().$ref(FleetDocument.ERROR_SCHEMA)))));
    }
}
