package net.voipbin.apigateway.openapi;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.webmvc.api.OpenApiWebMvcResource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v3/api-docs}: one OpenAPI document for the whole public API, whose server is this gateway
 * (as the caller reached it), so that Swagger UI's "try it out" goes through the gateway.
 */
@Hidden
@RestController
class OpenApiController {

    private static final Logger log = LoggerFactory.getLogger(OpenApiController.class);

    private final MergedApiDocument document;
    private final ObjectProvider<OpenApiWebMvcResource> springdoc;
    private final JsonMapper json;
    private final String ownDocsPath;

    OpenApiController(MergedApiDocument document, ObjectProvider<OpenApiWebMvcResource> springdoc, JsonMapper json,
            @Value("${springdoc.api-docs.path}") String ownDocsPath) {
        this.document = document;
        this.springdoc = springdoc;
        this.json = json;
        this.ownDocsPath = ownDocsPath;
    }

    @GetMapping(path = ServiceDocumentClient.DOCS_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode apiDocument(HttpServletRequest request) {
        ObjectNode merged = document.get(() -> gatewayOwn(request)).deepCopy();
        merged.putArray("servers").addObject()
                .put("url", ServletUriComponentsBuilder.fromContextPath(request).toUriString())
                .put("description", "the api-gateway: every resource of the fleet");
        return merged;
    }

    /** springdoc's document of the gateway's own operations; none rather than no document at all. */
    private JsonNode gatewayOwn(HttpServletRequest request) {
        OpenApiWebMvcResource resource = springdoc.getIfAvailable();
        if (resource == null) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(resource.openapiJson(request, ownDocsPath, Locale.ROOT));
        } catch (Exception e) {
            log.warn("the gateway's own API document could not be built", e);
            return json.createObjectNode();
        }
    }
}
