package net.voipbin.rpc.server;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import net.voipbin.rpc.error.ApiException;

/**
 * One routed request as a handler sees it: path variables, query parameters, the typed and
 * validated body (null for a route declared without one) and the calling service.
 */
public record RpcCall<B>(Map<String, String> pathVariables, Map<String, String> query, B body, String publisher) {

    public RpcCall {
        pathVariables = Map.copyOf(pathVariables);
        query = Map.copyOf(query);
    }

    public String path(String name) {
        String value = pathVariables.get(name);
        if (value == null) {
            throw new IllegalStateException("route has no path variable {" + name + "}");
        }
        return value;
    }

    /** A path variable that must be a UUID; anything else is the caller's 400. */
    public UUID pathUuid(String name) {
        try {
            return UUID.fromString(path(name));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(name, "not a UUID: " + path(name));
        }
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name));
    }
}
