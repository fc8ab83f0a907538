package net.voipbin.apigateway.openapi;

import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Schema names two services use for different shapes: the services name their records on their own
 * ({@code CreateBody}, {@code Stats}), so the merged document keeps the first service's and renames the
 * others' after their service ({@code FlowManagerCreateBody}), rewriting every reference. A schema of the
 * same name and shape (a contract record every service shares) is not a clash.
 */
final class SchemaClashes {

    private static final String SCHEMA_REF = "#/components/schemas/";

    private SchemaClashes() {
    }

    /**
     * The service's document with each schema that clashes with one already merged renamed; repeated,
     * because a schema referring to a renamed one may clash in its turn.
     */
    static JsonNode resolve(ServiceDocument document, ObjectNode merged) {
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
            own = rename(own, clashes);
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

    private static String freeName(String wanted, JsonNode own, ObjectNode merged) {
        String name = wanted;
        for (int n = 2; merged.has(name) || own.path("components").path("schemas").has(name); n++) {
            name = wanted + n;
        }
        return name;
    }

    private static JsonNode rename(JsonNode own, Map<String, String> renames) {
        ObjectNode copy = (ObjectNode) own.deepCopy();
        ObjectNode schemas = copy.withObject("/components/schemas");
        renames.forEach((from, to) -> schemas.set(to, schemas.remove(from)));
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
}
