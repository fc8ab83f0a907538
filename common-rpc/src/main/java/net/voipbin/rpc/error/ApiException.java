package net.voipbin.rpc.error;

/**
 * The fleet's exception family: an HTTP-style status, a stable snake_case code and a message. RPC
 * and REST both turn it into {@link ErrorBody} with the same status.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String field;

    public ApiException(int status, String code, String message) {
        this(status, code, message, null, null);
    }

    protected ApiException(int status, String code, String message, String field, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public static ApiException notFound(String resource) {
        return new ApiException(404, "not_found", resource + " not found");
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    /** A 400 with a ready body (code, message and field). */
    public static ApiException badRequest(ErrorBody body) {
        return new ApiException(400, body.error(), body.message(), body.field(), null);
    }

    public static ApiException invalidField(String field, String message) {
        return new ApiException(400, "invalid_argument", field + ": " + message, field, null);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(409, code, message);
    }

    public static ApiException unavailable(String message) {
        return new ApiException(503, "service_unavailable", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public ErrorBody body() {
        return new ErrorBody(code, getMessage(), field);
    }
}
