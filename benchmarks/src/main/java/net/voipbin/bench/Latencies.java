package net.voipbin.bench;

import java.util.Arrays;

/** Collected latencies of one run, in nanoseconds, with the figures a benchmark prints. */
public final class Latencies {

    private final long[] samples;
    private int count;

    public Latencies(int capacity) {
        this.samples = new long[capacity];
    }

    public synchronized void add(long nanos) {
        if (count < samples.length) {
            samples[count++] = nanos;
        }
    }

    public synchronized void addAll(Latencies other) {
        for (int i = 0; i < other.count; i++) {
            add(other.samples[i]);
        }
    }

    public synchronized int count() {
        return count;
    }

    /** The q-quantile (0..1) in microseconds. */
    public synchronized double percentileMicros(double q) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int index = (int) Math.min(count - 1, Math.max(0, Math.ceil(q * count) - 1));
        return sorted[index] / 1_000.0;
    }
}
