package net.voipbin.rpc.envelope;

import tools.jackson.databind.JsonNode;

/**
 * RPC request envelope: {@code {"uri", "method", "publisher", "data_type", "data"}}.
 * {@code data} is null when the request carries no body.
 */
public record RpcRequest(String uri, String method, String publisher, String dataType, JsonNode data) {

    public static final String JSON = "application/json";

    public RpcRequest {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("uri is required");
        }
        if (method == null || method.isBlank()) {
            throw new IllegalArgumentException("method is required");
        }
        method = method.toUpperCase(java.util.Locale.ROOT);
        dataType = dataType == null ? JSON : dataType;
        data = data == null || data.isNull() || data.isMissingNode() ? null : data;
    }
}
