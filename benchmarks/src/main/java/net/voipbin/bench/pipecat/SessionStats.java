package net.voipbin.bench.pipecat;

import java.util.ArrayDeque;
import java.util.UUID;

import net.voipbin.bench.Latencies;

/**
 * One benchmark session's timestamps. Frames stay in order on each leg, so the k-th frame the runner
 * gets is the client's k-th, and the k-th non-silent frame back is the runner's k-th echo. The client
 * and the runner share one event loop thread, so plain deques suffice.
 */
final class SessionStats {

    final UUID id = UUID.randomUUID();
    volatile boolean connected;
    volatile boolean recording;
    final Latencies inbound = new Latencies(4096);
    final Latencies outbound = new Latencies(4096);
    final Latencies interArrival = new Latencies(4096);
    private final ArrayDeque<Long> sent = new ArrayDeque<>();
    private final ArrayDeque<Long> echoed = new ArrayDeque<>();
    private long lastArrival;
    /** Arrival times of every frame back at the caller while recording (for the playout-clock phase). */
    final long[] arrivals = new long[4096];
    int arrivalCount;
    long framesSent;
    long framesBack;
    private long framesAtRunner;

    synchronized void sent(long nanos) {
        sent.add(nanos);
        framesSent++;
    }

    /** Records the caller-to-runner latency; returns this frame's index on the runner side. */
    synchronized long arrivedAtRunner(long nanos) {
        Long at = sent.poll();
        if (at != null && recording) {
            inbound.add(nanos - at);
        }
        return framesAtRunner++;
    }

    synchronized void echoed(long nanos) {
        echoed.add(nanos);
    }

    synchronized void backAtCaller(long nanos, boolean silent) {
        if (lastArrival != 0 && recording) {
            interArrival.add(Math.abs(nanos - lastArrival - 20_000_000L));
        }
        lastArrival = nanos;
        if (recording && arrivalCount < arrivals.length) {
            arrivals[arrivalCount++] = nanos;
        }
        if (!silent) {
            framesBack++;
            Long at = echoed.poll();
            if (at != null && recording) {
                outbound.add(nanos - at);
            }
        }
    }
}
