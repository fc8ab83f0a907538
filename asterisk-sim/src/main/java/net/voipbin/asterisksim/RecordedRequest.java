package net.voipbin.asterisksim;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One REST request the simulator received, as it arrived: method, path (with the {@code /ari} prefix),
 * raw query string ("" when none) and body ("" when none). Tests assert the commands sent, in order.
 */
public record RecordedRequest(String method, String path, String query, String body) {

    public String uri() {
        return query.isEmpty() ? path : path + "?" + query;
    }

    /** A decoded query parameter. */
    public Optional<String> param(String name) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
                return Optional.of(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return method + " " + uri() + (body.isEmpty() ? "" : " " + body);
    }
}
