package net.voipbin.pipecatmanager.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

/**
 * Quality properties of the 8k/16k converters measured on synthetic tones, 16-bit in and out.
 * Each test prints what it measured, so the figures in the README can be re-checked.
 */
class ResamplerTest {

    private static final int SECOND_8K = 8000;
    private static final int SETTLE = 400;
    private static final double AMPLITUDE = 30000;

    @Test
    void passbandRippleUpTo3400HzIsWithinOneHundredthOfADecibelInBothDirections() {
        double minUp = Double.MAX_VALUE, maxUp = -Double.MAX_VALUE, minDown = Double.MAX_VALUE, maxDown = -Double.MAX_VALUE;
        for (int f = 100; f <= 3400; f += 50) {
            short[] up = Tones.inFrames(Tones.tone(f, 8000, SECOND_8K, AMPLITUDE), 160, 2, new Upsampler(160)::process);
            double gainUp = Tones.db(Tones.amplitude(up, 2 * SETTLE, up.length - 4 * SETTLE, f, 16000) / AMPLITUDE);
            short[] down = Tones.inFrames(Tones.tone(f, 16000, 2 * SECOND_8K, AMPLITUDE), 320, 1, new Downsampler(320)::process);
            double gainDown = Tones.db(Tones.amplitude(down, SETTLE, down.length - 2 * SETTLE, f, 8000) / AMPLITUDE);
            minUp = Math.min(minUp, gainUp);
            maxUp = Math.max(maxUp, gainUp);
            minDown = Math.min(minDown, gainDown);
            maxDown = Math.max(maxDown, gainDown);
        }
        System.out.printf("passband ripple 0-3.4 kHz: up %.5f dB, down %.5f dB%n", maxUp - minUp, maxDown - minDown);
        assertThat(maxUp - minUp).isLessThanOrEqualTo(0.01);
        assertThat(maxDown - minDown).isLessThanOrEqualTo(0.01);
        assertThat(Math.abs(maxUp)).isLessThan(0.01);
        assertThat(Math.abs(maxDown)).isLessThan(0.01);
    }

    @Test
    void decimationAttenuatesEverythingThatWouldAliasIntoTheVoiceBandByAtLeast80Db() {
        double worst = -Double.MAX_VALUE;
        for (int f = 4600; f <= 7900; f += 50) {
            short[] down = Tones.inFrames(Tones.tone(f, 16000, 2 * SECOND_8K, AMPLITUDE), 320, 1, new Downsampler(320)::process);
            double alias = Tones.amplitude(down, SETTLE, down.length - 2 * SETTLE, 8000 - f, 8000);
            worst = Math.max(worst, Tones.db(alias / AMPLITUDE));
        }
        System.out.printf("decimation stopband (4.6-7.9 kHz folded into 0.1-3.4 kHz): %.1f dB%n", worst);
        assertThat(worst).isLessThanOrEqualTo(-80);
    }

    @Test
    void interpolationSuppressesTheImagesOfTheVoiceBandByAtLeast80Db() {
        double worst = -Double.MAX_VALUE;
        for (int f = 300; f <= 3400; f += 50) {
            short[] up = Tones.inFrames(Tones.tone(f, 8000, SECOND_8K, AMPLITUDE), 160, 2, new Upsampler(160)::process);
            double image = Tones.amplitude(up, 2 * SETTLE, up.length - 4 * SETTLE, 8000 - f, 16000);
            worst = Math.max(worst, Tones.db(image / AMPLITUDE));
        }
        System.out.printf("interpolation image rejection (images at 4.6-7.7 kHz): %.1f dB%n", worst);
        assertThat(worst).isLessThanOrEqualTo(-80);
    }

    @Test
    void roundTrip8To16To8KeepsVoiceBandTonesAbove60DbSnr() {
        int delay = HalfBandFilter.CENTER;   // 2 x 39 samples at 16 kHz = 39 samples at 8 kHz
        double worst = Double.MAX_VALUE;
        for (int f = 300; f <= 3400; f += 100) {
            short[] in = Tones.tone(f, 8000, SECOND_8K, 16000);
            short[] up = Tones.inFrames(in, 160, 2, new Upsampler(160)::process);
            short[] back = Tones.inFrames(up, 320, 1, new Downsampler(320)::process);
            double signal = 0, noise = 0;
            for (int n = SETTLE; n < in.length - SETTLE; n++) {
                double err = back[n + delay] - in[n];
                signal += (double) in[n] * in[n];
                noise += err * err;
            }
            worst = Math.min(worst, 10 * Math.log10(signal / noise));
        }
        System.out.printf("round trip 8->16->8 kHz worst SNR 300-3400 Hz: %.1f dB%n", worst);
        assertThat(worst).isGreaterThanOrEqualTo(60);
    }

    @Test
    void eachDirectionAddsAtMostThreeMilliseconds() {
        short[] impulse = new short[160];
        impulse[10] = 10000;
        short[] up = new short[320];
        new Upsampler(160).process(impulse, 0, 160, up, 0);
        int peakUp = argMax(up);
        short[] impulse16 = new short[320];
        impulse16[100] = 10000;
        short[] down = new short[160];
        new Downsampler(320).process(impulse16, 0, 320, down, 0);
        int peakDown = argMax(down);
        double delayUpMs = (peakUp - 20) / 16.0;
        double delayDownMs = peakDown * 2 / 16.0 - 100 / 16.0;
        System.out.printf("added delay: up %.3f ms, down %.3f ms (group delay %d samples at 16 kHz = %.3f ms)%n",
                delayUpMs, delayDownMs, HalfBandFilter.CENTER, HalfBandFilter.CENTER / 16.0);
        assertThat(HalfBandFilter.CENTER / 16.0).isLessThanOrEqualTo(3.0);
        assertThat(delayUpMs).isLessThanOrEqualTo(3.0);
        assertThat(delayDownMs).isLessThanOrEqualTo(3.0);
    }

    @Test
    void framesJoinExactlyAsIfTheSignalWereProcessedInOnePiece() {
        short[] speechLike = new short[4000];
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < speechLike.length; i++) {
            speechLike[i] = (short) (random.nextGaussian() * 6000);
        }
        short[] whole = Tones.inFrames(speechLike, 4000, 2, new Upsampler(4000)::process);
        short[] framed = Tones.inFrames(speechLike, 160, 2, new Upsampler(4000)::process);
        assertThat(framed).isEqualTo(whole);
        short[] wholeDown = Tones.inFrames(speechLike, 4000, 1, new Downsampler(4000)::process);
        short[] oddFrames = Tones.inFrames(speechLike, 37, 1, new Downsampler(4000)::process);
        assertThat(oddFrames).isEqualTo(wholeDown);
    }

    @Test
    void convertingAFrameAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Upsampler up = new Upsampler(160);
        Downsampler down = new Downsampler(320);
        short[] in = Tones.tone(440, 8000, 160, 10000);
        short[] wide = new short[320];
        short[] narrow = new short[160];
        byte[] ulaw = new byte[160];
        for (int i = 0; i < 20_000; i++) {
            up.process(in, 0, 160, wide, 0);
            down.process(wide, 0, 320, narrow, 0);
            MuLaw.encode(narrow, 0, ulaw, 0, 160);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10_000; i++) {
            MuLaw.decode(ulaw, 0, in, 0, 160);
            up.process(in, 0, 160, wide, 0);
            down.process(wide, 0, 320, narrow, 0);
            MuLaw.encode(narrow, 0, ulaw, 0, 160);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("bytes allocated over 10000 frames").isLessThan(1000);
    }

    private static int argMax(short[] signal) {
        int best = 0;
        for (int i = 1; i < signal.length; i++) {
            if (Math.abs(signal[i]) > Math.abs(signal[best])) {
                best = i;
            }
        }
        return best;
    }
}
