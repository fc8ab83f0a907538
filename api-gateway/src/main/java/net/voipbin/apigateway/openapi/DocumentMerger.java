package net.voipbin.apigateway.openapi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.voipbin.apigateway.routing.RouteTable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merges the services' own documents into the one the gateway serves. A path goes in when the gateway
 * routes it to the service that describes it ({@link RouteTable}); the gateway's own paths are those no
 * service owns. Schemas of the same name and shape (the contract records every service shares) are kept
 * once; a name two services use for different shapes is renamed for all but the first
 * ({@link SchemaClashes}). What could not be included is said in the document: {@code x-voipbin-missing} (a service that did not answer) and
 * {@code x-voipbin-unrouted} (a path the gateway would not send to the service that serves it).
 */
final class DocumentMerger {

    static final String GATEWAY = "api-gateway";
    private static final Logger log = LoggerFactory.getLogger(DocumentMerger.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    ObjectNode merge(List<ServiceDocument> documents, List<MissingService> missing) {
        Merge merge = new Merge(missing);
        documents.stream().sorted(Comparator.comparing(ServiceDocument::service)).forEach(merge::include);
        return merge.document();
    }

    /** One merge in progress: the document being built and what is said about what it leaves out. */
    private static final class Merge {

        private final ObjectNode document = skeleton();
        private final ObjectNode paths = document.putObject("paths");
        private final ObjectNode schemas = document.withObject("/components").putObject("schemas");
        private final Map<String, String> tags = new TreeMap<>();
        private final List<MissingService> missing;
        private final ArrayNode unrouted = NODES.arrayNode();

        Merge(List<MissingService> missing) {
            this.missing = new ArrayList<>(missing);
        }

        void include(ServiceDocument service) {
            String malformed = malformed(service.document());
            if (malformed != null) {
                log.warn("API document of {} left out: {}", service.service(), malformed);
                missing.add(new MissingService(service.service(), "its document is malformed: " + malformed));
                return;
            }
            JsonNode own = SchemaClashes.resolve(service, schemas);
            own.path("components").path("schemas").properties().forEach(schema -> schemas.set(schema.getKey(), schema.getValue()));
            own.path("paths").properties().forEach(path -> {
                if (routedTo(service.service(), path.getKey())) {
                    paths.set(path.getKey(), tagged(path.getValue(), service.service(), tags));
                } else if (!GATEWAY.equals(service.service())) {
                    log.warn("{} serves {}, which the gateway does not route to it", service.service(), path.getKey());
                    unrouted.add(NODES.objectNode().put("service", service.service()).put("path", path.getKey()));
                }
            });
        }

        ObjectNode document() {
            sortByName(paths);
            sortByName(schemas);
            ArrayNode tagList = document.putArray("tags");
            tags.forEach((tag, service) -> tagList.add(NODES.objectNode().put("name", tag)
                    .put("description", "served by " + service)));
            ArrayNode missingList = document.putArray("x-voipbin-missing");
            missing.stream().sorted(Comparator.comparing(MissingService::service)).forEach(service -> missingList
                    .add(NODES.objectNode().put("service", service.service()).put("reason", service.reason())));
            document.set("x-voipbin-unrouted", unrouted);
            return document;
        }
    }

    /** In name order, so that Swagger UI lists a resource's paths together and the document is stable. */
    private static void sortByName(ObjectNode object) {
        Map<String, JsonNode> sorted = new TreeMap<>();
        object.properties().forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        object.removeAll();
        object.setAll(sorted);
    }

    /** Why a document cannot be merged (paths and schemas that are not objects), or null when it can. */
    private static String malformed(JsonNode document) {
        if (!document.isObject()) {
            return "not a JSON object";
        }
        for (String section : List.of("/paths", "/components", "/components/schemas")) {
            JsonNode node = document.at(section);
            if (!node.isMissingNode() && !node.isObject()) {
                return section.substring(1) + " is not an object";
            }
        }
        for (String section : List.of("/paths", "/components/schemas")) {
            for (var entry : document.at(section).properties()) {
                if (!entry.getValue().isObject()) {
                    return section.substring(1) + " " + entry.getKey() + " is not an object";
                }
            }
        }
        return null;
    }

    /** The gateway serves a path when it routes it to this service, or, for its own, when no service owns it. */
    private static boolean routedTo(String service, String path) {
        return GATEWAY.equals(service) ? path.startsWith(RouteTable.PREFIX) && RouteTable.ownerOf(path).isEmpty()
                : RouteTable.ownerOf(path).filter(service::equals).isPresent();
    }

    /** Each operation names the service behind it, and its tags are listed once for the whole document. */
    private static JsonNode tagged(JsonNode pathItem, String service, Map<String, String> tags) {
        ObjectNode item = (ObjectNode) pathItem.deepCopy();
        item.properties().forEach(operation -> {
            if (operation.getValue() instanceof ObjectNode body && body.has("responses")) {
                body.put("x-voipbin-service", service);
                body.path("tags").forEach(tag -> tags.putIfAbsent(tag.asString(), service));
            }
        });
        return item;
    }

    private static ObjectNode skeleton() {
        ObjectNode document = NODES.objectNode();
        document.put("openapi", "3.1.0");
        document.putObject("info").put("title", "VoIPBIN API").put("version", "v1.0")
                .put("description", "Every public resource of the fleet behind one base URL. JSON in snake_case, "
                        + "timestamps in ISO-8601 UTC; every operation takes the customer's bearer token.");
        document.putArray("security").addObject().putArray("bearer");
        document.putObject("components").putObject("securitySchemes").set("bearer", bearerScheme());
        return document;
    }

    private static ObjectNode bearerScheme() {
        return NODES.objectNode().put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
                .put("description", "An HS256 JWT signed with the fleet's key whose customer_id claim names the "
                        + "customer (scripts/mint-token.sh <customer-uuid>)");
    }
}
