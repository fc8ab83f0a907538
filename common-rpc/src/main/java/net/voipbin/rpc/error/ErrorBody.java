package net.voipbin.rpc.error;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The one error body of the fleet, on RPC responses and REST alike: a stable snake_case code, a
 * human message and, for validation failures, the offending field.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String error, String message, String field) {

    public ErrorBody {
        error = error == null || error.isBlank() ? "error" : error;
        message = message == null ? "" : message;
    }

    public static ErrorBody of(String error, String message) {
        return new ErrorBody(error, message, null);
    }
}
