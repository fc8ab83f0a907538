package net.voipbin.apigateway.events;

import java.io.IOException;

/** Where one live client's frames go: a WebSocket session or a Server-Sent Events stream. */
interface EventSink {

    /** Called once by the client's writer before the first frame: a stream may say it is open. */
    default void open() throws IOException {
    }

    /** Writes one frame; may block while the client reads slowly (only the client's own writer waits). */
    void send(String frame) throws IOException;

    /**
     * Called when nothing was sent for a while: keeps proxies from closing an idle stream, and a write to
     * a client that went away without a word is what finds it gone.
     */
    void heartbeat() throws IOException;

    /** Ends the stream, telling the client why when the transport can. */
    void close(String reason);
}
