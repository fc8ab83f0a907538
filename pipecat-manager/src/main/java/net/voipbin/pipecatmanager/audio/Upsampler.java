package net.voipbin.pipecatmanager.audio;

/**
 * Streaming 8 kHz to 16 kHz interpolator (polyphase half-band FIR). The filter history survives from
 * one call to the next, so consecutive frames join without clicks; one instance per stream, not
 * thread-safe, no allocation after construction.
 *
 * <p>Per input sample two outputs: the interpolated half-way sample, then the delayed input sample
 * itself (the centre-tap branch is a pure delay). Added delay {@link HalfBandFilter#CENTER} samples at
 * 16 kHz.
 */
public final class Upsampler {

    private static final int M = HalfBandFilter.SIDE_TAPS;
    private static final int HISTORY = 2 * M - 1;
    /** Interpolation gain 2 is folded into the coefficients. */
    private static final float[] SIDE = HalfBandFilter.sideTaps(2.0);

    private final float[] buffer;
    private final int capacity;

    /** @param maxInput the largest input frame (samples) this stream will pass in one call */
    public Upsampler(int maxInput) {
        this.capacity = maxInput;
        this.buffer = new float[HISTORY + maxInput];
    }

    /** Converts {@code count} samples; writes {@code 2 * count} samples to {@code out}; returns that. */
    public int process(short[] in, int inOff, int count, short[] out, int outOff) {
        if (count > capacity) {
            throw new IllegalArgumentException("frame of " + count + " samples exceeds " + capacity);
        }
        float[] buf = buffer;
        for (int i = 0; i < count; i++) {
            buf[HISTORY + i] = in[inOff + i];
        }
        float[] side = SIDE;
        for (int i = 0; i < count; i++) {
            // Window buf[i .. i + 2M - 1]: the half-way point lies between buf[i+M-1] and buf[i+M].
            float acc = 0f;
            int left = i + M - 1;
            int right = i + M;
            for (int k = 0; k < M; k++) {
                acc += side[k] * (buf[left - k] + buf[right + k]);
            }
            out[outOff + 2 * i] = Pcm.clamp(acc);
            out[outOff + 2 * i + 1] = (short) buf[right];
        }
        System.arraycopy(buf, count, buf, 0, HISTORY);
        return 2 * count;
    }

    public void reset() {
        java.util.Arrays.fill(buffer, 0f);
    }
}
