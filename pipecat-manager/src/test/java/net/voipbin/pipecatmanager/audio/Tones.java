package net.voipbin.pipecatmanager.audio;

/** Synthetic tones and their measurement: least-squares amplitude of one frequency in a signal. */
public final class Tones {

    private Tones() {
    }

    public static short[] tone(double frequency, int rate, int samples, double amplitude) {
        short[] out = new short[samples];
        for (int n = 0; n < samples; n++) {
            out[n] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * frequency * n / rate));
        }
        return out;
    }

    /** Amplitude of the {@code frequency} component of signal[from..from+count) (integer number of periods not required). */
    public static double amplitude(short[] signal, int from, int count, double frequency, int rate) {
        double ss = 0, sc = 0, cc = 0, xs = 0, xc = 0;
        for (int n = from; n < from + count; n++) {
            double w = 2 * Math.PI * frequency * n / rate;
            double s = Math.sin(w);
            double c = Math.cos(w);
            ss += s * s;
            cc += c * c;
            sc += s * c;
            xs += signal[n] * s;
            xc += signal[n] * c;
        }
        double det = ss * cc - sc * sc;
        double a = (xs * cc - xc * sc) / det;
        double b = (xc * ss - xs * sc) / det;
        return Math.hypot(a, b);
    }

    public static double db(double ratio) {
        return 20 * Math.log10(ratio);
    }

    /** Runs a whole signal through {@code converter} in frames of {@code frame} samples. */
    static short[] inFrames(short[] in, int frame, int outPerIn, Converter converter) {
        short[] out = new short[in.length * 2 + 2 * frame];
        int written = 0;
        for (int off = 0; off < in.length; off += frame) {
            written += converter.process(in, off, Math.min(frame, in.length - off), out, written);
        }
        return java.util.Arrays.copyOf(out, written);
    }

    interface Converter {
        int process(short[] in, int inOff, int count, short[] out, int outOff);
    }
}
