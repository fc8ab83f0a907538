package net.voipbin.pipecatmanager.audiosocket;

import java.util.UUID;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Outbound control frames to wire bytes. Audio leaves as a ready {@code ByteBuf} built by
 * {@link #writeAudioHeader}, which this encoder lets pass untouched.
 */
@Sharable
public final class AudioSocketEncoder extends MessageToByteEncoder<AudioSocketFrame> {

    public AudioSocketEncoder() {
        super(AudioSocketFrame.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, AudioSocketFrame frame, ByteBuf out) {
        switch (frame) {
            case AudioSocketFrame.Hangup h -> out.writeByte(AudioSocketKind.HANGUP.code()).writeShort(0);
            case AudioSocketFrame.Uuid u -> writeUuid(out, u.id());
            case AudioSocketFrame.Dtmf d -> out.writeByte(AudioSocketKind.DTMF.code()).writeShort(1).writeByte(d.digit());
            case AudioSocketFrame.Error e -> out.writeByte(AudioSocketKind.ERROR.code()).writeShort(1).writeByte(e.code());
        }
    }

    private static void writeUuid(ByteBuf out, UUID id) {
        out.writeByte(AudioSocketKind.UUID.code()).writeShort(16);
        out.writeLong(id.getMostSignificantBits()).writeLong(id.getLeastSignificantBits());
    }

    public static ByteBuf writeAudioHeader(ByteBuf out, AudioSocketKind kind, int payloadBytes) {
        return out.writeByte(kind.code()).writeShort(payloadBytes);
    }
}
