package net.voipbin.outdialmanager.outdialtarget;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import net.voipbin.rpc.error.ApiException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A target's JSON object read field by field, so that one malformed element of an import's array is
 * that row's error instead of the whole request's. A destination is a string ({@code "+15551230000"})
 * or an address object ({@code {"type": "tel", "target": "+15551230000"}}).
 */
@Component
public class TargetJson {

    private final JsonMapper json;

    TargetJson(JsonMapper json) {
        this.json = json;
    }

    public TargetFields read(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("invalid_body", "a target must be a JSON object");
        }
        return new TargetFields(string(node, "name"), string(node, "detail"), data(node.get("data")),
                destinations(node.get("destinations")), string(node, "time_zone"));
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw ApiException.invalidField(field, "must be a string");
        }
        return value.asString();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> data(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw ApiException.invalidField("data", "must be a JSON object");
        }
        return json.treeToValue(value, Map.class);
    }

    private static List<String> destinations(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw ApiException.invalidField("destinations", "must be an array of phone numbers");
        }
        List<String> numbers = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            JsonNode number = element.isObject() ? element.get("target") : element;
            if (number == null || !number.isString()) {
                throw ApiException.invalidField("destinations[" + i + "]",
                        "must be a phone number string or an address with a target");
            }
            numbers.add(number.asString());
        }
        return numbers;
    }
}
