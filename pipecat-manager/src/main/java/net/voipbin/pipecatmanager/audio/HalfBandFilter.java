package net.voipbin.pipecatmanager.audio;

/**
 * The anti-alias / anti-image low-pass shared by both 2x converters: a linear-phase half-band FIR at
 * 16 kHz, Kaiser-windowed (beta for ~90 dB), 79 taps, designed once at class init.
 *
 * <p>Why half-band: its transition band is centred on 4 kHz (3.43 to 4.57 kHz), every second tap is
 * zero and the centre tap is exactly 1/2, so one polyphase branch is a pure delay and the other has
 * {@value #SIDE_TAPS} symmetric coefficient pairs: about 20 multiplies per 8 kHz sample. Its stopband
 * starts at 4.6 kHz, which is exactly the band that folds into 0-3.4 kHz on decimation (and the band the
 * images of 0-3.4 kHz land in on interpolation). A stopband from 4.0 kHz at 80 dB would need about 135
 * linear-phase taps (4.2 ms group delay) and breaks the 3 ms budget; see the module README.
 *
 * <p>Group delay: {@value #CENTER} samples at 16 kHz = 2.44 ms per direction.
 */
public final class HalfBandFilter {

    /** Non-zero coefficient pairs on each side of the centre tap. */
    public static final int SIDE_TAPS = 20;
    /** Index of the centre tap = group delay in 16 kHz samples. */
    public static final int CENTER = 2 * SIDE_TAPS - 1;
    public static final int LENGTH = 2 * CENTER + 1;
    private static final double KAISER_BETA = 0.1102 * (90.0 - 8.7);

    private static final double[] TAPS = design();

    private HalfBandFilter() {
    }

    /** The full impulse response (a copy), for measuring the filter. */
    public static double[] impulseResponse() {
        return TAPS.clone();
    }

    /** h[CENTER + 2k + 1] for k = 0..SIDE_TAPS-1: the odd-offset coefficients, nearest first. */
    static float[] sideTaps(double gain) {
        float[] side = new float[SIDE_TAPS];
        for (int k = 0; k < SIDE_TAPS; k++) {
            side[k] = (float) (gain * TAPS[CENTER + 2 * k + 1]);
        }
        return side;
    }

    private static double[] design() {
        double[] h = new double[LENGTH];
        double sum = 0;
        for (int i = 0; i < LENGTH; i++) {
            int n = i - CENTER;
            if (n == 0) {
                h[i] = 0.5;
            } else if ((n & 1) != 0) {
                h[i] = Math.sin(Math.PI * n / 2) / (Math.PI * n) * kaiser(n);
            }
            sum += h[i];
        }
        // Unity DC gain with the centre tap kept at exactly 1/2 (the half-band property).
        double sideScale = 0.5 / (sum - 0.5);
        for (int i = 0; i < LENGTH; i++) {
            if (i != CENTER) {
                h[i] *= sideScale;
            }
        }
        return h;
    }

    private static double kaiser(int n) {
        double r = (double) n / CENTER;
        return besselI0(KAISER_BETA * Math.sqrt(1 - r * r)) / besselI0(KAISER_BETA);
    }

    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 50; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
        }
        return sum;
    }
}
