package net.voipbin.rpc.event;

/**
 * The fleet's limit on one message's body ({@code voipbin.events.max-size}, {@code voipbin.rpc.max-request-size}).
 * The AMQP client itself accepts far more (common-rpc raises its inbound limit above any broker's), so a
 * message over the limit reaches the application, which refuses or parks it instead of the client
 * closing the connection and the broker redelivering it to the next consumer forever.
 */
public final class MessageSize {

    /** 1 MiB: an order of magnitude above the largest event or ARI frame the fleet produces. */
    public static final long DEFAULT_MAX_BYTES = 1L << 20;

    private MessageSize() {
    }

    /** The reason a consumer gives when it parks or refuses a message over the limit. */
    public static String oversize(long size, long max) {
        return "oversize: " + size + " bytes > " + max;
    }

    /** Refuses to send {@code what} when its body is over {@code max} bytes. */
    public static void refuseAbove(long max, byte[] body, String what) {
        if (body.length > max) {
            throw new MessageTooLargeException(what + " refused, " + oversize(body.length, max)
                    + " (voipbin.events.max-size)");
        }
    }

    /** A message over the fleet's limit was not published. */
    public static final class MessageTooLargeException extends IllegalArgumentException {

        MessageTooLargeException(String message) {
            super(message);
        }
    }
}
