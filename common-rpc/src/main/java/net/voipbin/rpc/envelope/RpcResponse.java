package net.voipbin.rpc.envelope;

import tools.jackson.databind.JsonNode;

/**
 * RPC response envelope: {@code {"status_code", "data_type", "data"}}; an error carries
 * {@code {"error", "message"}} as its data.
 */
public record RpcResponse(int statusCode, String dataType, JsonNode data) {

    public RpcResponse {
        if (statusCode < 100 || statusCode > 599) {
            throw new IllegalArgumentException("status_code out of range: " + statusCode);
        }
        dataType = dataType == null ? RpcRequest.JSON : dataType;
        data = data == null || data.isMissingNode() || data.isNull() ? null : data;
    }

    public boolean isError() {
        return statusCode >= 400;
    }
}
