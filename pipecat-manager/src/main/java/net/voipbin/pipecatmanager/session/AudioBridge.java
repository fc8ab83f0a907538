package net.voipbin.pipecatmanager.session;

import io.netty.buffer.ByteBuf;
import net.voipbin.pipecatmanager.audio.Downsampler;
import net.voipbin.pipecatmanager.audio.MuLaw;
import net.voipbin.pipecatmanager.audio.Pcm;
import net.voipbin.pipecatmanager.audio.Upsampler;
import net.voipbin.pipecatmanager.audiosocket.AudioSocketEncoder;

/**
 * One session's audio conversions between the caller's format and the runner's 16 kHz PCM, in
 * chunks through preallocated arrays: the per-frame path allocates nothing but the pooled
 * {@code ByteBuf}s it writes into. Single-threaded (the session's event loop).
 */
final class AudioBridge {

    static final int RUNNER_RATE = 16000;
    private static final int CHUNK = 320;

    private final AudioFormat format;
    private final Upsampler upsampler = new Upsampler(CHUNK);
    private final Downsampler downsampler = new Downsampler(CHUNK);
    private final short[] narrow = new short[CHUNK];
    private final short[] wide = new short[2 * CHUNK];
    /** Bytes move between ByteBufs and sample arrays in bulk: per-sample ByteBuf accessors cost a bounds and refcount check each. */
    private final byte[] bytes = new byte[4 * CHUNK];
    private final short[] frame;

    AudioBridge(AudioFormat format) {
        this.format = format;
        this.frame = new short[format.frameSamples()];
    }

    /** Samples at 16 kHz that {@code payloadBytes} of caller audio become. */
    int runnerSamples(int payloadBytes) {
        int samples = payloadBytes / format.bytesPerSample();
        return format == AudioFormat.SLIN16 ? samples : 2 * samples;
    }

    /** Converts caller payload to 16 kHz and appends it as 16-bit little-endian to {@code out}. */
    void callerToRunner(ByteBuf in, int offset, int payloadBytes, ByteBuf out) {
        int samples = payloadBytes / format.bytesPerSample();
        for (int done = 0; done < samples; done += CHUNK) {
            int n = Math.min(CHUNK, samples - done);
            readCaller(in, offset + done * format.bytesPerSample(), n);
            if (format == AudioFormat.SLIN16) {
                writeLe(out, narrow, n);
            } else {
                writeLe(out, wide, upsampler.process(narrow, 0, n, wide, 0));
            }
        }
    }

    private void readCaller(ByteBuf in, int offset, int n) {
        if (format == AudioFormat.ULAW) {
            in.getBytes(offset, bytes, 0, n);
            MuLaw.decode(bytes, 0, narrow, 0, n);
        } else {
            in.getBytes(offset, bytes, 0, 2 * n);
            Pcm.fromLittleEndian(bytes, narrow, n);
        }
    }

    /**
     * Queues runner audio ({@code length} bytes of 16-bit LE PCM at {@code rate}) at the session's rate.
     * Returns the samples queued, or -1 for a rate this bridge does not convert.
     */
    int runnerToQueue(ByteBuf in, int offset, int length, int rate, AdaptivePlayout queue) {
        int samples = length / 2;
        int target = format.sampleRate();
        if (rate != target && !(rate == 16000 && target == 8000) && !(rate == 8000 && target == 16000)) {
            return -1;
        }
        int queued = 0;
        int chunk = rate == 8000 && target == 16000 ? CHUNK : 2 * CHUNK;
        for (int done = 0; done < samples; done += chunk) {
            int n = Math.min(chunk, samples - done);
            in.getBytes(offset + 2 * done, bytes, 0, 2 * n);
            Pcm.fromLittleEndian(bytes, wide, n);
            if (rate == target) {
                queued += queue.write(wide, 0, n);
            } else if (rate > target) {
                queued += queue.write(narrow, 0, downsample(n));
            } else {
                System.arraycopy(wide, 0, narrow, 0, n);
                queued += queue.write(wide, 0, upsampler.process(narrow, 0, n, wide, 0));
            }
        }
        return queued;
    }

    private int downsample(int n) {
        int written = 0;
        for (int done = 0; done < n; done += CHUNK) {
            int m = Math.min(CHUNK, n - done);
            written += downsampler.process(wide, done, m, narrow, written);
        }
        return written;
    }

    /** Takes the next 20 ms slot's audio from {@code queue} (silence-filled) and writes a whole AudioSocket frame. */
    int nextFrame(AdaptivePlayout queue, long now, ByteBuf out) {
        int samples = format.frameSamples();
        int audio = queue.read(frame, now);
        AudioSocketEncoder.writeAudioHeader(out, format.kind(), samples * format.bytesPerSample());
        if (format == AudioFormat.ULAW) {
            MuLaw.encode(frame, 0, bytes, 0, samples);
            out.writeBytes(bytes, 0, samples);
        } else {
            writeLe(out, frame, samples);
        }
        return audio;
    }

    int frameBytes() {
        return 3 + format.frameSamples() * format.bytesPerSample();
    }

    private void writeLe(ByteBuf out, short[] samples, int n) {
        Pcm.toLittleEndian(samples, bytes, n);
        out.writeBytes(bytes, 0, 2 * n);
    }
}
