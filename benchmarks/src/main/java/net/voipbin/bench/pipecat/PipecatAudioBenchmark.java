package net.voipbin.bench.pipecat;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import net.voipbin.pipecatmanager.audio.Downsampler;
import net.voipbin.pipecatmanager.audio.MuLaw;
import net.voipbin.pipecatmanager.audio.Upsampler;

/**
 * Per 20 ms frame of one call: mu-law decode + 8 to 16 kHz (160 to 320 samples) toward the runner,
 * and 16 to 8 kHz + mu-law encode back. One stream needs one {@code pair} every 20 ms, so a core
 * carries 20 ms / ns-per-pair streams.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class PipecatAudioBenchmark {

    private final Upsampler upsampler = new Upsampler(160);
    private final Downsampler downsampler = new Downsampler(320);
    private final byte[] ulawIn = new byte[160];
    private final short[] narrow = new short[160];
    private final short[] wideOut = new short[320];
    private final short[] wideIn = new short[320];
    private final short[] narrowOut = new short[160];
    private final byte[] ulawOut = new byte[160];

    @Setup
    public void speechLikeInput() {
        java.util.Random random = new java.util.Random(1);
        for (int i = 0; i < 160; i++) {
            double v = 9000 * Math.sin(2 * Math.PI * 440 * i / 8000) + 2000 * random.nextGaussian();
            ulawIn[i] = MuLaw.encode((short) v);
        }
        for (int i = 0; i < 320; i++) {
            wideIn[i] = (short) (9000 * Math.sin(2 * Math.PI * 700 * i / 16000) + 2000 * random.nextGaussian());
        }
    }

    @Benchmark
    public short[] decodeUpsample() {
        MuLaw.decode(ulawIn, 0, narrow, 0, 160);
        upsampler.process(narrow, 0, 160, wideOut, 0);
        return wideOut;
    }

    @Benchmark
    public byte[] downsampleEncode() {
        downsampler.process(wideIn, 0, 320, narrowOut, 0);
        MuLaw.encode(narrowOut, 0, ulawOut, 0, 160);
        return ulawOut;
    }

    @Benchmark
    public byte[] pair() {
        decodeUpsample();
        return downsampleEncode();
    }
}
