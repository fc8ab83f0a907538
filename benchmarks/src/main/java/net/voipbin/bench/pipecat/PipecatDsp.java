package net.voipbin.bench.pipecat;

import java.util.Collection;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** {@code pipecat-dsp}: runs {@link PipecatAudioBenchmark} briefly and prints ns/frame and streams per core. */
public final class PipecatDsp {

    private PipecatDsp() {
    }

    public static void main(String[] args) throws Exception {
        Options options = new OptionsBuilder()
                .include(PipecatAudioBenchmark.class.getName())
                .forks(1)
                .warmupIterations(2).warmupTime(TimeValue.seconds(1))
                .measurementIterations(3).measurementTime(TimeValue.seconds(1))
                .build();
        Collection<RunResult> results = new Runner(options).run();
        System.out.println();
        System.out.println("pipecat-dsp: per 20 ms frame of one call (one core, one thread)");
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            double ns = result.getPrimaryResult().getScore();
            System.out.printf("  %-18s %8.0f ns/frame   %8.0f real-time streams per core%n",
                    name.substring(name.lastIndexOf('.') + 1), ns, 20_000_000 / ns);
        }
    }
}
