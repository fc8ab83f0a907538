package net.voipbin.asterisksim;

import java.util.LinkedHashSet;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An ARI application's event filter, as Asterisk applies it: with an {@code allowed} list only those
 * types are sent; a type on the {@code disallowed} list never is. Body and model use lists of
 * {@code {"type": "..."}} objects.
 */
record AppEventFilter(Set<String> allowed, Set<String> disallowed) {

    static final AppEventFilter NONE = new AppEventFilter(Set.of(), Set.of());

    boolean passes(String type) {
        return (allowed.isEmpty() || allowed.contains(type)) && !disallowed.contains(type);
    }

    /** The filter a request body asks for; 400 when it is not {@code {allowed?: [...], disallowed?: [...]}}. */
    static AppEventFilter of(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new AriError(400, "Invalid format definition");
        }
        return new AppEventFilter(types(body.get("allowed")), types(body.get("disallowed")));
    }

    private static Set<String> types(JsonNode list) {
        Set<String> types = new LinkedHashSet<>();
        if (list == null || list.isNull()) {
            return types;
        }
        if (!list.isArray()) {
            throw new AriError(400, "Invalid format definition");
        }
        for (JsonNode entry : list) {
            JsonNode type = entry.get("type");
            if (type == null || !type.isString() || type.asString().isBlank()) {
                throw new AriError(400, "Invalid format definition");
            }
            types.add(type.asString());
        }
        return types;
    }

    ObjectNode application(String name) {
        ObjectNode app = AriJson.object();
        app.put("name", name);
        app.putArray("channel_ids");
        app.putArray("bridge_ids");
        app.putArray("endpoint_ids");
        app.putArray("device_names");
        list(app.putArray("events_allowed"), allowed);
        list(app.putArray("events_disallowed"), disallowed);
        return app;
    }

    private static void list(ArrayNode array, Set<String> types) {
        types.forEach(type -> array.addObject().put("type", type));
    }
}
