package net.voipbin.rpc.openapi;

import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

import io.swagger.v3.oas.models.media.JsonSchema;
import net.voipbin.rpc.config.ServiceName;
import net.voipbin.rpc.rest.Customer;
import net.voipbin.rpc.rest.PageQuery;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Each service's own OpenAPI document at {@code /v3/api-docs} (springdoc, public like the API's shape
 * itself; {@code RestAutoConfiguration} lets it through without a token), describing its {@code /v1.0}
 * operations as the caller sees them; the api-gateway merges the documents into one.
 * {@code springdoc.api-docs.enabled=false} turns it off for a service without a public API.
 */
@AutoConfiguration
@ConditionalOnClass(SpringDocConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "springdoc.api-docs.enabled", matchIfMissing = true)
public class OpenApiAutoConfiguration {

    static {
        // Resolved from the token and from page_size/page_token, never sent as themselves: springdoc would
        // otherwise describe them as a request body or as query parameters named customer and page.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Customer.class, PageQuery.class)
                // swagger-core knows Jackson 2's trees, not Jackson 3's: it would describe a JsonNode's getters.
                .replaceWithSchema(JsonNode.class, new JsonSchema().description("any JSON value"))
                .replaceWithSchema(ObjectNode.class, new JsonSchema().typesItem("object"))
                .replaceWithSchema(ArrayNode.class, new JsonSchema().typesItem("array"));
    }

    @Bean
    SnakeCaseModelResolver voipbinModelResolver() {
        return new SnakeCaseModelResolver();
    }

    @Bean
    OpenApiCustomizer voipbinDocument(ObjectProvider<ServiceName> service) {
        ServiceName name = service.getIfAvailable();
        return new FleetDocument(name == null ? null : name.value());
    }

    @Bean
    OperationCustomizer voipbinPageParameters() {
        return new PageParameters();
    }

    @Bean
    OperationCustomizer voipbinResourceTags() {
        return new ResourceTags();
    }

    @Bean
    OperationCustomizer voipbinErrorResponses() {
        return new ErrorResponses();
    }
}
