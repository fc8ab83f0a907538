package net.voipbin.flowmanager.engine;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@code ${name}} substitution in option strings; an unknown variable becomes the empty string. */
public final class Variables {

    public static final String CALL_ID = "voipbin.call.id";
    public static final String CALL_SOURCE = "voipbin.call.source";
    public static final String CALL_DESTINATION = "voipbin.call.destination";
    public static final String CALL_DIGITS = "voipbin.call.digits";
    public static final String FLOW_ID = "voipbin.flow.id";
    public static final String ACTIVEFLOW_ID = "voipbin.activeflow.id";
    public static final String REFERENCE_TYPE = "voipbin.activeflow.reference_type";
    public static final String REFERENCE_ID = "voipbin.activeflow.reference_id";
    public static final String CUSTOMER_ID = "voipbin.customer.id";

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");

    private Variables() {
    }

    public static String substitute(String text, Map<String, String> variables) {
        if (text == null || !text.contains("${")) {
            return text;
        }
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = variables.getOrDefault(matcher.group(1).trim(), "");
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** A copy of {@code node} with every string value substituted. */
    public static JsonNode substitute(JsonNode node, Map<String, String> variables) {
        if (node == null) {
            return null;
        }
        if (node.isString()) {
            return JsonNodeFactory.instance.stringNode(substitute(node.stringValue(), variables));
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(e -> copy.set(e.getKey(), substitute(e.getValue(), variables)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.values().forEach(v -> copy.add(substitute(v, variables)));
            return copy;
        }
        return node;
    }
}
