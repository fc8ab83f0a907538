package net.voipbin.systemtests;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The Pipecat protobuf frames a fake runner reads and writes, coded by hand: only {@code Frame.audio}
 * (AudioRawFrame) and {@code Frame.message} (MessageFrame) are needed, and a generated codec would tie this
 * module to pipecat-manager's build.
 */
final class PipecatFrames {

    private static final int FRAME_AUDIO = 2;
    private static final int FRAME_MESSAGE = 4;
    private static final int AUDIO_BYTES = 3;
    private static final int AUDIO_SAMPLE_RATE = 4;
    private static final int AUDIO_NUM_CHANNELS = 5;
    private static final int MESSAGE_DATA = 1;

    /** One frame from pipecat-manager. */
    sealed interface Frame permits Audio, Message {
    }

    /** An AudioRawFrame: PCM and what it says of itself. */
    record Audio(long sampleRate, long numChannels, byte[] pcm) implements Frame {

        /** Anything but digital silence. */
        boolean audible() {
            for (byte b : pcm) {
                if (b != 0) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A MessageFrame: its JSON data. */
    record Message(String json) implements Frame {
    }

    private PipecatFrames() {
    }

    /** The frame in a WebSocket message; bytes that are not one of the two frames fail with what they are. */
    static Frame decode(byte[] bytes) {
        Map<Integer, byte[]> fields;
        try {
            fields = Protobuf.parse(bytes).lengthDelimited();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not protobuf: " + e.getMessage(), e);
        }
        if (fields.containsKey(FRAME_AUDIO)) {
            Protobuf audio = Protobuf.parse(fields.get(FRAME_AUDIO));
            return new Audio(audio.varints().getOrDefault(AUDIO_SAMPLE_RATE, 0L),
                    audio.varints().getOrDefault(AUDIO_NUM_CHANNELS, 0L),
                    audio.lengthDelimited().getOrDefault(AUDIO_BYTES, new byte[0]));
        }
        if (fields.containsKey(FRAME_MESSAGE)) {
            byte[] data = Protobuf.parse(fields.get(FRAME_MESSAGE)).lengthDelimited().get(MESSAGE_DATA);
            return new Message(data == null ? "" : new String(data, StandardCharsets.UTF_8));
        }
        throw new IllegalArgumentException("frame with fields " + fields.keySet());
    }

    /** A Frame carrying a MessageFrame with {@code json} as its data. */
    static byte[] message(String json) {
        byte[] messageFrame = Protobuf.lengthDelimited(MESSAGE_DATA, json.getBytes(StandardCharsets.UTF_8));
        return Protobuf.lengthDelimited(FRAME_MESSAGE, messageFrame);
    }

    /** The top-level fields of one protobuf message: varints and length-delimited values by field number. */
    private record Protobuf(Map<Integer, Long> varints, Map<Integer, byte[]> lengthDelimited) {

        static Protobuf parse(byte[] bytes) {
            Map<Integer, Long> varints = new HashMap<>();
            Map<Integer, byte[]> lengthDelimited = new HashMap<>();
            int[] at = {0};
            while (at[0] < bytes.length) {
                long key = varint(bytes, at);
                int field = (int) (key >>> 3);
                switch ((int) (key & 7)) {
                    case 0 -> varints.put(field, varint(bytes, at));
                    case 1 -> at[0] += 8;
                    case 5 -> at[0] += 4;
                    case 2 -> {
                        int length = (int) varint(bytes, at);
                        if (length < 0 || at[0] + length > bytes.length) {
                            throw new IllegalArgumentException("field " + field + " runs past the end");
                        }
                        lengthDelimited.put(field, Arrays.copyOfRange(bytes, at[0], at[0] + length));
                        at[0] += length;
                    }
                    default -> throw new IllegalArgumentException("wire type " + (key & 7));
                }
            }
            if (at[0] != bytes.length) {
                throw new IllegalArgumentException("truncated");
            }
            return new Protobuf(varints, lengthDelimited);
        }

        /** One length-delimited field: its key, the value's length, the value. */
        static byte[] lengthDelimited(int field, byte[] value) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 8);
            writeVarint(out, (long) field << 3 | 2);
            writeVarint(out, value.length);
            out.writeBytes(value);
            return out.toByteArray();
        }

        private static void writeVarint(ByteArrayOutputStream out, long value) {
            while ((value & ~0x7FL) != 0) {
                out.write((int) (value & 0x7F) | 0x80);
                value >>>= 7;
            }
            out.write((int) value);
        }

        private static long varint(byte[] bytes, int[] at) {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (at[0] >= bytes.length) {
                    throw new IllegalArgumentException("truncated varint");
                }
                int b = bytes[at[0]++] & 0xFF;
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("varint too long");
        }
    }
}
