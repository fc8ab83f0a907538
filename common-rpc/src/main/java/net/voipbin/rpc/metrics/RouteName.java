package net.voipbin.rpc.metrics;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The route of a request URI for a metric tag: ids, numbers and channel names become {@code {id}} and the
 * query goes, so {@code /v1/calls/<uuid>/play?x=1} and every other call's play share one time series
 * (a tag per id would grow the registry without bound).
 */
public final class RouteName {

    private static final Pattern VERSION = Pattern.compile("v\\d+(\\.\\d+)?");
    private static final int MAX_LENGTH = 120;

    private RouteName() {
    }

    public static String of(String uri) {
        if (uri == null || uri.isEmpty()) {
            return "unknown";
        }
        int query = uri.indexOf('?');
        String path = query >= 0 ? uri.substring(0, query) : uri;
        String name = Arrays.stream(path.split("/", -1)).map(segment -> isId(segment) ? "{id}" : segment)
                .collect(Collectors.joining("/"));
        return name.length() > MAX_LENGTH ? name.substring(0, MAX_LENGTH) : name;
    }

    /** A segment that names one resource rather than a kind of them: it holds a digit or an escape. */
    private static boolean isId(String segment) {
        if (segment.isEmpty() || VERSION.matcher(segment).matches()) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (Character.isDigit(c) || c == '%' || c == '@' || c == '+') {
                return true;
            }
        }
        return false;
    }
}
