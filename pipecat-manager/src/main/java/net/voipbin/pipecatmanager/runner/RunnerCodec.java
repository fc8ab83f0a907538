package net.voipbin.pipecatmanager.runner;

import com.google.protobuf.InvalidProtocolBufferException;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.CorruptedFrameException;
import net.voipbin.pipecatmanager.runner.proto.Frames;

/**
 * Pipecat ProtobufFrameSerializer frames ({@code frames.proto}). Audio, 50 frames a second each way,
 * is written and read by hand straight between pooled buffers and sample arrays (no message objects);
 * everything else goes through the generated classes. Tests check both paths produce and accept the
 * same bytes.
 */
public final class RunnerCodec {

    private static final int FRAME_AUDIO = 2;
    private static final int AUDIO_BYTES = 3;
    private static final int AUDIO_SAMPLE_RATE = 4;
    private static final int AUDIO_NUM_CHANNELS = 5;
    private static final int WIRE_VARINT = 0;
    private static final int WIRE_I64 = 1;
    private static final int WIRE_LEN = 2;
    private static final int WIRE_I32 = 5;

    private RunnerCodec() {
    }

    /** Frame{audio: AudioRawFrame{audio, sample_rate, num_channels = 1}} for {@code count} samples. */
    public static ByteBuf writeAudio(ByteBuf out, short[] samples, int offset, int count, int sampleRate) {
        writeAudioHeader(out, count, sampleRate);
        for (int i = 0; i < count; i++) {
            out.writeShortLE(samples[offset + i]);
        }
        return writeAudioTrailer(out, sampleRate);
    }

    /**
     * Everything of an audio frame before its {@code count} samples, which the caller then writes as
     * 16-bit little-endian, followed by {@link #writeAudioTrailer}. Lets a converter stream samples
     * straight into the outgoing buffer.
     */
    public static ByteBuf writeAudioHeader(ByteBuf out, int count, int sampleRate) {
        int audioBytes = 2 * count;
        int inner = 1 + varintSize(audioBytes) + audioBytes + 1 + varintSize(sampleRate) + 2;
        out.writeByte(FRAME_AUDIO << 3 | WIRE_LEN);
        writeVarint(out, inner);
        out.writeByte(AUDIO_BYTES << 3 | WIRE_LEN);
        writeVarint(out, audioBytes);
        return out;
    }

    public static ByteBuf writeAudioTrailer(ByteBuf out, int sampleRate) {
        out.writeByte(AUDIO_SAMPLE_RATE << 3 | WIRE_VARINT);
        writeVarint(out, sampleRate);
        out.writeByte(AUDIO_NUM_CHANNELS << 3 | WIRE_VARINT);
        out.writeByte(1);
        return out;
    }

    /** Upper bound of an audio frame's encoded size, for buffer allocation. */
    public static int maxAudioFrameSize(int count) {
        return 2 * count + 24;
    }

    /** Frame{message: MessageFrame{data: json}}. */
    public static ByteBuf message(String json) {
        return Unpooled.wrappedBuffer(Frames.Frame.newBuilder()
                .setMessage(Frames.MessageFrame.newBuilder().setData(json)).build().toByteArray());
    }

    /**
     * Decodes one WebSocket binary payload and reports it. Malformed protobuf is a
     * CorruptedFrameException; a well-formed frame of an unknown type is reported as skipped.
     */
    public static void decode(ByteBuf frame, RunnerListener listener) {
        int start = frame.readerIndex();
        int tag = frame.isReadable() ? frame.getUnsignedByte(start) : 0;
        if (tag == (FRAME_AUDIO << 3 | WIRE_LEN)) {
            decodeAudio(frame, listener);
            return;
        }
        Frames.Frame parsed;
        try {
            parsed = Frames.Frame.parseFrom(frame.nioBuffer());
        } catch (InvalidProtocolBufferException e) {
            throw new CorruptedFrameException("not a Pipecat frame: " + e.getMessage());
        }
        switch (parsed.getFrameCase()) {
            case INTERRUPTION -> listener.runnerInterruption();
            case MESSAGE -> listener.runnerMessage(parsed.getMessage().getData());
            case TEXT -> listener.runnerText(parsed.getText().getText());
            case TRANSCRIPTION -> listener.runnerText(parsed.getTranscription().getText());
            case AUDIO -> throw new IllegalStateException("audio is decoded by hand");
            // A newer Pipecat's frame type (or an empty frame): skipped, as ProtobufFrameSerializer does.
            case FRAME_NOT_SET -> listener.runnerSkipped(parsed.getUnknownFields().asMap().keySet().toString());
        }
    }

    private static void decodeAudio(ByteBuf frame, RunnerListener listener) {
        int index = frame.readerIndex() + 1;
        long innerLength = readVarint(frame, index);
        index += varintSize(innerLength);
        int end = index + (int) innerLength;
        if (innerLength < 0 || end > frame.writerIndex()) {
            throw new CorruptedFrameException("truncated AudioRawFrame");
        }
        int audioOffset = -1, audioLength = 0, rate = 0, channels = 1;
        while (index < end) {
            long key = readVarint(frame, index);
            index += varintSize(key);
            int field = (int) (key >>> 3);
            int wire = (int) (key & 7);
            if (wire == WIRE_VARINT) {
                long value = readVarint(frame, index);
                index += varintSize(value);
                if (field == AUDIO_SAMPLE_RATE) {
                    rate = (int) value;
                } else if (field == AUDIO_NUM_CHANNELS) {
                    channels = (int) value;
                }
            } else if (wire == WIRE_LEN) {
                long length = readVarint(frame, index);
                index += varintSize(length);
                if (field == AUDIO_BYTES) {
                    audioOffset = index;
                    audioLength = (int) length;
                }
                index += (int) length;
            } else if (wire == WIRE_I64 || wire == WIRE_I32) {
                index += wire == WIRE_I64 ? 8 : 4;
            } else {
                throw new CorruptedFrameException("unexpected wire type " + wire + " in AudioRawFrame");
            }
        }
        if (index != end || audioOffset < 0) {
            throw new CorruptedFrameException("malformed AudioRawFrame");
        }
        listener.runnerAudio(frame, audioOffset, audioLength, rate, channels);
    }

    static void writeVarint(ByteBuf out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.writeByte((int) (value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.writeByte((int) value);
    }

    static long readVarint(ByteBuf in, int index) {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (index >= in.writerIndex()) {
                throw new CorruptedFrameException("truncated varint");
            }
            int b = in.getUnsignedByte(index++);
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new CorruptedFrameException("varint too long");
    }

    static int varintSize(long value) {
        int size = 1;
        while ((value & ~0x7FL) != 0) {
            value >>>= 7;
            size++;
        }
        return size;
    }
}
