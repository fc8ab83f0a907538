package net.voipbin.pipecatmanager.audiosocket;

import java.util.List;
import java.util.UUID;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.MessageToMessageDecoder;

/**
 * Second stage of the inbound pipeline, after {@link #framer(int)}: one complete frame in, a control
 * {@link AudioSocketFrame} or the (retained) audio frame out. Anything Asterisk would never send
 * (unknown kind, a UUID that is not 16 bytes, a DTMF that is not one key, empty audio) is a
 * {@link CorruptedFrameException}: the connection's handler logs it and closes that session only.
 */
public final class AudioSocketDecoder extends MessageToMessageDecoder<ByteBuf> {

    public static final int HEADER = 3;

    public AudioSocketDecoder() {
        super(ByteBuf.class);
    }

    /** Splits the TCP stream into frames; a declared length above {@code maxPayload} fails fast. */
    public static LengthFieldBasedFrameDecoder framer(int maxPayload) {
        return new LengthFieldBasedFrameDecoder(HEADER + maxPayload, 1, 2, 0, 0, true);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
        int code = frame.getUnsignedByte(frame.readerIndex());
        int length = frame.getUnsignedShort(frame.readerIndex() + 1);
        AudioSocketKind kind = AudioSocketKind.of(code);
        if (kind == null) {
            throw new CorruptedFrameException(String.format("unknown AudioSocket kind 0x%02X", code));
        }
        int payload = frame.readerIndex() + HEADER;
        switch (kind) {
            case HANGUP -> out.add(AudioSocketFrame.HANGUP);
            case UUID -> out.add(new AudioSocketFrame.Uuid(uuid(frame, payload, length)));
            case DTMF -> out.add(new AudioSocketFrame.Dtmf(dtmf(frame, payload, length)));
            case ERROR -> out.add(new AudioSocketFrame.Error(length > 0 ? frame.getUnsignedByte(payload) : 0));
            default -> {
                if (length == 0) {
                    throw new CorruptedFrameException("empty audio frame of kind " + kind);
                }
                out.add(frame.retain());
            }
        }
    }

    private static UUID uuid(ByteBuf frame, int payload, int length) {
        if (length != 16) {
            throw new CorruptedFrameException("UUID frame of " + length + " bytes, expected 16");
        }
        return new UUID(frame.getLong(payload), frame.getLong(payload + 8));
    }

    private static char dtmf(ByteBuf frame, int payload, int length) {
        char digit = length == 1 ? (char) frame.getUnsignedByte(payload) : 0;
        if ("0123456789*#ABCD".indexOf(digit) < 0 || length != 1) {
            throw new CorruptedFrameException("DTMF frame is not one key");
        }
        return digit;
    }

    /** The kind of an audio frame passed on by this decoder. */
    public static AudioSocketKind kindOf(ByteBuf audioFrame) {
        return AudioSocketKind.of(audioFrame.getUnsignedByte(audioFrame.readerIndex()));
    }

    /** Payload length of an audio frame passed on by this decoder. */
    public static int payloadLength(ByteBuf audioFrame) {
        return audioFrame.getUnsignedShort(audioFrame.readerIndex() + 1);
    }
}
