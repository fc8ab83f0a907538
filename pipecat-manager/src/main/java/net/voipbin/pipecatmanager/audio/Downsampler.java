package net.voipbin.pipecatmanager.audio;

/**
 * Streaming 16 kHz to 8 kHz decimator (half-band FIR, then every second sample). Only the kept
 * outputs are computed. History and the decimation phase survive across calls, so frames of any
 * length (even odd ones) join seamlessly; one instance per stream, no allocation after construction.
 * Added delay {@link HalfBandFilter#CENTER} samples at 16 kHz.
 */
public final class Downsampler {

    private static final int M = HalfBandFilter.SIDE_TAPS;
    private static final int C = HalfBandFilter.CENTER;
    private static final int HISTORY = 2 * C;
    private static final float[] SIDE = HalfBandFilter.sideTaps(1.0);

    private final float[] buffer;
    private final int capacity;
    /** 0 when the next input sample is the one an output is computed at. */
    private int phase;

    public Downsampler(int maxInput) {
        this.capacity = maxInput;
        this.buffer = new float[HISTORY + maxInput];
    }

    /** Converts {@code count} samples; returns the number written to {@code out} (count / 2 for even phase). */
    public int process(short[] in, int inOff, int count, short[] out, int outOff) {
        if (count > capacity) {
            throw new IllegalArgumentException("frame of " + count + " samples exceeds " + capacity);
        }
        float[] buf = buffer;
        for (int i = 0; i < count; i++) {
            buf[HISTORY + i] = in[inOff + i];
        }
        float[] side = SIDE;
        int written = 0;
        for (int i = phase; i < count; i += 2) {
            // Newest sample at buf[i + 2C]; the centre tap sits at buf[i + C].
            int centre = i + C;
            float acc = 0.5f * buf[centre];
            for (int k = 0; k < M; k++) {
                acc += side[k] * (buf[centre - 1 - 2 * k] + buf[centre + 1 + 2 * k]);
            }
            out[outOff + written++] = Pcm.clamp(acc);
        }
        phase = (phase + count) & 1;
        System.arraycopy(buf, count, buf, 0, HISTORY);
        return written;
    }

    public void reset() {
        java.util.Arrays.fill(buffer, 0f);
        phase = 0;
    }
}
