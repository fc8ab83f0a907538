package net.voipbin.rpc.openapi;

import java.util.List;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Operation;

/**
 * Groups operations by the resource their controller serves ({@code CallController} → {@code Call}), the
 * way Swagger UI lists them, instead of springdoc's {@code call-controller}.
 */
final class ResourceTags implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        String controller = handlerMethod.getBeanType().getSimpleName();
        operation.setTags(List.of(controller.replaceFirst("Controller$", "")));
        return operation;
    }
}
