package net.voipbin.apigateway.events;

import java.util.Arrays;
import java.util.List;

/**
 * What a client asked for on its URL: {@code type} (a comma list; {@code call_*} is a prefix) and
 * {@code resource} (a comma list of resource names, singular or plural: {@code calls}, {@code queuecall};
 * or resource ids). An empty list lets everything through.
 */
record EventFilter(List<String> types, List<String> resources) {

    static final EventFilter ALL = new EventFilter(List.of(), List.of());

    static EventFilter of(String types, String resources) {
        return new EventFilter(split(types), split(resources));
    }

    boolean matches(LiveEvent event) {
        return (types.isEmpty() || types.stream().anyMatch(type -> typeMatches(type, event.type())))
                && (resources.isEmpty() || resources.stream().anyMatch(resource -> resourceMatches(resource, event)));
    }

    static boolean typeMatches(String pattern, String type) {
        return pattern.equals("*") || (pattern.endsWith("*")
                ? type.startsWith(pattern.substring(0, pattern.length() - 1)) : pattern.equals(type));
    }

    private static boolean resourceMatches(String wanted, LiveEvent event) {
        return wanted.equals(event.resourceId()) || wanted.equals(event.resource())
                || wanted.equals(event.resource() + "s");
    }

    private static List<String> split(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        return Arrays.stream(list.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }
}
