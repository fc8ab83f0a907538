package net.voipbin.apigateway.openapi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
 * once; a name two services use for different shapes is kept by the first and renamed after the service
 * for the others ({@code FlowManagerCreateBody}), with their references. What could not be included is
 * said in the document: {@code x-voipbin-missing} (a service that did not answer) and
 * {@code x-voipbin-unrouted} (a path the gateway would not send to the service that serves it).
 */
final class DocumentMerger {

    static final String GATEWAY = "api-gateway";
    private static final Logger log = LoggerFactory.getLogger(DocumentMerger.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String SCHEMA_REF = "#/components/schemas/";

    ObjectNode merge(List<ServiceDocument> documents, List<MissingService> missing) {
        ObjectNode merged = skeleton();
        ObjectNode paths = merged.putObject("paths");
        ObjectNode schemas = merged.putObject("components").putObject("schemas");
        merged.withObject("/components").set("securitySchemes", NODES.objectNode().set("bearer", bearerScheme()));
        Map<String, String> tags = new TreeMap<>();
        ArrayNode unrouted = NODES.arrayNode();
        List<ServiceDocument> ordered = new ArrayList<>(documents);
        ordered.sort(Comparator.comparing(ServiceDocument::service));
        List<MissingService> unmerged = new ArrayList<>(missing);
        for (ServiceDocument document : ordered) {
            String malformed = malformed(document.document());
            if (malformed != null) {
                log.warn("API document of {} left out: {}", document.service(), malformed);
                unmerged.add(new MissingService(document.service(), "its document is malformed: " + malformed));
                continue;
            }
            JsonNode own = renamed(document, schemas);
            own.path("components").path("schemas").properties().forEach(schema -> schemas.set(schema.getKey(), schema.getValue()));
            own.path("paths").properties().forEach(path -> {
                if (routedTo(document.service(), path.getKey())) {
                    paths.set(path.getKey(), tagged(path.getValue(), document.service(), tags));
                } else if (!GATEWAY.equals(document.service())) {
                    log.warn("{} serves {}, which the gateway does not route to it", document.service(), path.getKey());
                    unrouted.add(NODES.objectNode().put("service", document.service()).put("path", path.getKey()));
                }
            });
        }
        sortByName(paths);
        sortByName(schemas);
        ArrayNode tagList = merged.putArray("tags");
        tags.forEach((tag, service) -> tagList.add(NODES.objectNode().put("name", tag).put("description", "served by " + service)));
        ArrayNode missingList = merged.putArray("x-voipbin-missing");
        unmerged.stream().sorted(Comparator.comparing(MissingService::service)).forEach(service ->
                missingList.add(NODES.objectNode().put("service", service.service()).put("reason", service.reason())));
        merged.set("x-voipbin-unrouted", unrouted);
        return merged;
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

    /**
     * This service's document with each schema that clashes with one already merged renamed, and every
     * reference to it rewritten; repeated, because a schema referring to a renamed one now clashes too.
     */
    private static JsonNode renamed(ServiceDocument document, ObjectNode merged) {
        JsonNode own = document.document();
        while (true) {
            Map<String, String> clashes = new HashMap<>();
            for (var schema : own.path("components").path("schemas").properties()) {
                String name = schema.getKey();
                if (merged.has(name) && !merged.get(name).equals(schema.getValue())) {
                    clashes.put(name, freeName(prefix(document.service()) + name, own, merged));
                }
            }
            if (clashes.isEmpty()) {
                return own;
            }
            own = rewrite(own, clashes);
        }
    }

    private static String freeName(String wanted, JsonNode own, ObjectNode merged) {
        String name = wanted;
        for (int n = 2; merged.has(name) || own.path("components").path("schemas").has(name); n++) {
            name = wanted + n;
        }
        return name;
    }

    private static JsonNode rewrite(JsonNode own, Map<String, String> renames) {
        ObjectNode copy = (ObjectNode) own.deepCopy();
        ObjectNode schemas = copy.withObject("/components/schemas");
        renames.forEach((from, to) -> {
            schemas.set(to, schemas.remove(from));
        });
        rewriteRefs(copy, renames);
        return copy;
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isString() && ref.asString().startsWith(SCHEMA_REF)) {
                String target = renames.get(ref.asString().substring(SCHEMA_REF.length()));
                if (target != null) {
                    object.put("$ref", SCHEMA_REF + target);
                }
            }
            object.properties().forEach(entry -> rewriteRefs(entry.getValue(), renames));
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> rewriteRefs(element, renames));
        }
    }

    /** {@code flow-manager} → {@code FlowManager}. */
    static String prefix(String service) {
        StringBuilder name = new StringBuilder();
        for (String word : service.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return name.toString();
    }

    private static ObjectNode skeleton() {
        ObjectNode document = NODES.objectNode();
        document.put("openapi", "3.1.0");
        document.putObject("info").put("title", "VoIPBIN API").put("version", "v1.0")
                .put("description", "Every public resource of the fleet behind one base URL. JSON in snake_case, "
                        + "timestamps in ISO-8601 UTC; every operation takes the customer's bearer token.");
        document.putArray("security").addObject().putArray("bearer");
        return document;
    }

    private static ObjectNode bearerScheme() {
        return NODES.objectNode().put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
                .put("description", "An HS256 JWT signed with the fleet's key whose customer_id claim names the "
                        + "customer (scripts/mint-token.sh <customer-uuid>)");
    }
}
