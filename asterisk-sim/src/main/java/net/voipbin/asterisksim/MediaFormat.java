package net.voipbin.asterisksim;

import java.util.Locale;

import io.netty.buffer.ByteBuf;

/**
 * An externalMedia channel's format as it travels over AudioSocket: 16-bit little-endian signed
 * linear at the format's rate with the kind of that rate (slin 0x10, slin12 0x11, slin16 0x12, slin24
 * 0x13, slin32 0x14, slin44 0x15, slin48 0x16, slin96 0x17, slin192 0x18), or the codec's own bytes
 * under kind 0x10 (ulaw, alaw; other codecs as 160 opaque bytes). Frames are 20 ms.
 */
record MediaFormat(String name, int kind, int sampleRate, Codec codec) {

    enum Codec { SLIN, ULAW, ALAW, OPAQUE }

    static MediaFormat of(String format) {
        String name = format == null ? "slin" : format.toLowerCase(Locale.ROOT);
        return switch (name) {
            case "slin", "slin8" -> new MediaFormat(name, 0x10, 8000, Codec.SLIN);
            case "slin12" -> new MediaFormat(name, 0x11, 12000, Codec.SLIN);
            case "slin16" -> new MediaFormat(name, 0x12, 16000, Codec.SLIN);
            case "slin24" -> new MediaFormat(name, 0x13, 24000, Codec.SLIN);
            case "slin32" -> new MediaFormat(name, 0x14, 32000, Codec.SLIN);
            case "slin44" -> new MediaFormat(name, 0x15, 44100, Codec.SLIN);
            case "slin48" -> new MediaFormat(name, 0x16, 48000, Codec.SLIN);
            case "slin96" -> new MediaFormat(name, 0x17, 96000, Codec.SLIN);
            case "slin192" -> new MediaFormat(name, 0x18, 192000, Codec.SLIN);
            case "ulaw" -> new MediaFormat(name, 0x10, 8000, Codec.ULAW);
            case "alaw" -> new MediaFormat(name, 0x10, 8000, Codec.ALAW);
            default -> new MediaFormat(name, 0x10, 8000, Codec.OPAQUE);
        };
    }

    int frameSamples() {
        return sampleRate / 50;
    }

    int frameBytes() {
        return codec == Codec.SLIN ? 2 * frameSamples() : frameSamples();
    }

    /** Appends one sample in this format. */
    void write(ByteBuf out, short sample) {
        switch (codec) {
            case SLIN -> out.writeShortLE(sample);
            case ULAW -> out.writeByte(ulaw(sample));
            case ALAW -> out.writeByte(alaw(sample));
            case OPAQUE -> out.writeByte(0);
        }
    }

    /** Whether a received payload carries anything but digital silence. */
    boolean audible(ByteBuf frame, int offset, int length) {
        for (int i = 0; i < length; i++) {
            int b = frame.getUnsignedByte(offset + i);
            boolean silent = switch (codec) {
                case SLIN, OPAQUE -> b == 0;
                case ULAW -> b == 0xFF || b == 0x7F;
                case ALAW -> b == 0xD5 || b == 0x55;
            };
            if (!silent) {
                return true;
            }
        }
        return false;
    }

    /** G.711 mu-law (bias 0x84, 8 segments). */
    static int ulaw(short sample) {
        int s = sample;
        int sign = s < 0 ? 0x80 : 0;
        int magnitude = Math.min(Math.abs(s), 32635) + 0x84;
        int exponent = 7;
        for (int mask = 0x4000; (magnitude & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (magnitude >> (exponent + 3)) & 0x0F;
        return ~(sign | exponent << 4 | mantissa) & 0xFF;
    }

    /** G.711 A-law (even bits inverted). */
    static int alaw(short sample) {
        int s = sample;
        int sign = s >= 0 ? 0x80 : 0;
        int magnitude = Math.min(s < 0 ? -s - 1 : s, 32767) >> 3;
        int code;
        if (magnitude < 32) {
            code = magnitude >> 1;
        } else {
            int exponent = 1;
            while (magnitude >= 64 && exponent < 7) {
                magnitude >>= 1;
                exponent++;
            }
            code = exponent << 4 | ((magnitude >> 1) & 0x0F);
        }
        return (sign | code) ^ 0x55;
    }
}
