package net.voipbin.asterisksim;

import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A REST request as the routes see it: path without {@code /ari}, parameters from the query string
 * merged with the scalar fields of a JSON body (ARI accepts either), and the body itself.
 */
record AriRequest(String method, String path, Map<String, String> params, JsonNode body) {

    static AriRequest of(String method, String path, Map<String, String> query, JsonNode body) {
        Map<String, String> params = new HashMap<>(query);
        if (body != null && body.isObject()) {
            body.properties().forEach(entry -> {
                if (entry.getValue().isValueNode()) {
                    params.putIfAbsent(entry.getKey(), entry.getValue().asString());
                }
            });
        }
        return new AriRequest(method, path, Map.copyOf(params), body);
    }

    String param(String name) {
        return params.get(name);
    }

    String required(String name) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            throw AriError.missing(name);
        }
        return value;
    }

    int intParam(String name, int fallback) {
        String value = params.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new AriError(400, "Invalid value for " + name);
        }
    }
}
