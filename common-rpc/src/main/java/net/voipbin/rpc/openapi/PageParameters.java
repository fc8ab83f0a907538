package net.voipbin.rpc.openapi;

import java.util.Arrays;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import net.voipbin.rpc.rest.PageQuery;

/**
 * A list handler takes a {@link PageQuery}, which springdoc is told to ignore (it is not a body): what
 * the caller sends is the two query parameters its resolver reads, so those are what the document names.
 */
final class PageParameters implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        boolean paged = Arrays.stream(handlerMethod.getMethodParameters())
                .anyMatch(parameter -> parameter.getParameterType() == PageQuery.class);
        if (paged) {
            operation.addParametersItem(new Parameter().in("query").name("page_size").required(false)
                    .description("rows per page, 1.." + PageQuery.MAX_SIZE)
                    .schema(new IntegerSchema().minimum(java.math.BigDecimal.ONE)
                            .maximum(java.math.BigDecimal.valueOf(PageQuery.MAX_SIZE))
                            ._default(PageQuery.DEFAULT_SIZE)));
            operation.addParametersItem(new Parameter().in("query").name("page_token").required(false)
                    .description("the next_page_token of the previous page; absent for the first page")
                    .schema(new StringSchema()));
        }
        return operation;
    }
}
