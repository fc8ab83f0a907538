package net.voipbin.apigateway.openapi;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.models.media.JsonSchema;
import net.voipbin.apigateway.config.GatewayProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * The merged API document at {@code /v3/api-docs} and Swagger UI over it at {@code /swagger-ui.html}.
 * springdoc's own document of the gateway (its live events) moves aside to {@code /v3/api-docs/gateway}
 * and is merged in like a service's ({@code springdoc.properties} next to this class).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpenApiProperties.class)
@PropertySource("classpath:net/voipbin/apigateway/openapi/springdoc.properties")
class OpenApiConfiguration {

    static {
        // What /v1.0/events streams, rather than the fields of Spring's SseEmitter.
        SpringDocUtils.getConfig().replaceWithSchema(SseEmitter.class, new JsonSchema().typesItem("string")
                .description("Server-Sent Events: a data: line per event of the caller's, the body a webhook carries"));
    }

    @Bean(destroyMethod = "close")
    MergedApiDocument mergedApiDocument(GatewayProperties gateway, OpenApiProperties properties, JsonMapper json) {
        return new MergedApiDocument(gateway.services(), new ServiceDocumentClient(json, properties.fetchTimeout()),
                properties);
    }
}
