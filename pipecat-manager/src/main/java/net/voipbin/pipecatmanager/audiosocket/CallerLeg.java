package net.voipbin.pipecatmanager.audiosocket;

import io.netty.buffer.ByteBuf;

/**
 * What an AudioSocket connection reports to the session it was attached to. Called on the
 * connection's event loop; {@code audio} lends the frame only for the duration of the call.
 */
public interface CallerLeg {

    /** One audio frame: kind byte, 2-byte length, payload (see {@link AudioSocketDecoder#kindOf}). */
    void audio(ByteBuf frame);

    void dtmf(char digit);

    /** The connection is gone (hangup frame, socket closed by Asterisk, or a protocol error). */
    void closed(String reason);
}
