package net.voipbin.asterisksim;

/** An ARI error response: status and Asterisk's {@code {"message": ...}} body. */
final class AriError extends RuntimeException {

    final int status;

    AriError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static AriError channelNotFound() {
        return new AriError(404, "Channel not found");
    }

    static AriError missing(String parameter) {
        return new AriError(400, "Missing parameter " + parameter);
    }
}
