package net.voipbin.local.home;

/** A problem a user can fix (a port in use, an unreachable database, an old data directory): said plainly, no trace. */
public class LocalModeException extends RuntimeException {

    public LocalModeException(String message) {
        super(message);
    }

    public LocalModeException(String message, Throwable cause) {
        super(message, cause);
    }
}
