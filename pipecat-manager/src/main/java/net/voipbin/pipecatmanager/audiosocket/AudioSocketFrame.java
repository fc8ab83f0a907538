package net.voipbin.pipecatmanager.audiosocket;

import java.util.UUID;

/**
 * Control frames of the AudioSocket protocol as the codec hands them to the session logic. Audio frames
 * are not records: they stay the framed {@code ByteBuf} (kind, length, payload) so the audio path is
 * zero-copy and allocates nothing of its own per frame.
 */
public sealed interface AudioSocketFrame {

    record Hangup() implements AudioSocketFrame {
    }

    record Uuid(UUID id) implements AudioSocketFrame {
    }

    record Dtmf(char digit) implements AudioSocketFrame {
    }

    /** Asterisk's error frame; the optional payload byte is its error code. */
    record Error(int code) implements AudioSocketFrame {
    }

    Hangup HANGUP = new Hangup();
}
