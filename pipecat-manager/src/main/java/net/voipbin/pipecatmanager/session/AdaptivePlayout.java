package net.voipbin.pipecatmanager.session;

/**
 * The runner's audio on its way to the caller: the {@link PlayoutQueue} plus when to start playing.
 * Runner audio often arrives in real time (Pipecat paces its output), so each chunk lands at the same
 * point of our 20 ms playout cycle; when that point sits just before a tick, a chunk 1-2 ms late misses
 * its slot, the caller hears 20 ms of silence, and the call is 20 ms later from then on. So at the start
 * of each stretch of audio this buffer estimates how early the next chunk is due before it would be
 * needed (the margin) and, when that is less than the guard, holds playout back by one frame. The guard
 * learns the runner's jitter: a chunk arriving later than one chunk length after the previous one raises
 * it to that lateness. Playout never waits more than one frame, and a stretch resumed right after a
 * chunk came too late is not held again (the silent slot already added that frame). Times are the caller's {@code System.nanoTime()}, passed in so tests can drive them.
 * Single-threaded (the session's event loop); no allocation after construction.
 */
final class AdaptivePlayout {

    static final long FRAME_NANOS = 20_000_000L;
    static final long INITIAL_GUARD_NANOS = 4_000_000L;
    private static final long LEARNING_MARGIN_NANOS = 1_000_000L;

    private final PlayoutQueue queue;
    private final int frame;
    private final long nanosPerSample;
    private boolean playing;
    private boolean held;
    private long lastArrival;
    private int lastChunk;
    private long guard = INITIAL_GUARD_NANOS;
    private boolean ranDry;
    private long ranDryAt;

    AdaptivePlayout(int capacitySamples, int sampleRate) {
        this.queue = new PlayoutQueue(capacitySamples);
        this.frame = sampleRate / 50;
        this.nanosPerSample = 1_000_000_000L / sampleRate;
    }

    /** Queues samples of the chunk being received; {@link #arrived} follows once per chunk. */
    int write(short[] src, int offset, int count) {
        return queue.write(src, offset, count);
    }

    /** A chunk of {@code samples} was queued at {@code now}. */
    void arrived(long now, int samples) {
        if (lastChunk > 0) {
            // Against a real-time stream, each chunk is due one chunk length after the previous one.
            long lateness = now - (lastArrival + lastChunk * nanosPerSample);
            if (lateness > 0 && lateness < FRAME_NANOS) {
                guard = Math.min(FRAME_NANOS, Math.max(guard, lateness + LEARNING_MARGIN_NANOS));
            }
        }
        if (ranDry && now - ranDryAt < FRAME_NANOS) {
            held = true;   // the stream went on right after running dry: the silent slot was its one frame
        }
        ranDry = false;
        lastArrival = now;
        lastChunk = samples;
    }

    /** One 20 ms slot at {@code now}: fills {@code dst} with a frame (silence-padded); returns the audio samples in it. */
    int read(short[] dst, long now) {
        if (!playing) {
            if (queue.isEmpty()) {
                held = false;
                return queue.read(dst, frame);
            }
            if (!held && margin(now) < guard) {
                held = true;
                java.util.Arrays.fill(dst, 0, frame, (short) 0);
                return 0;
            }
            playing = true;
            held = false;
        }
        int audio = queue.read(dst, frame);
        if (audio < frame) {
            playing = false;
            ranDry = true;
            ranDryAt = now;
        }
        return audio;
    }

    /**
     * How long before it is needed the next chunk is due, assuming it follows the last one by that
     * chunk's length: playout runs out at the tick after the whole frames queued now.
     */
    private long margin(long now) {
        int level = queue.size();
        int whole = level / frame;
        int needed = (whole + 1) * frame - level;
        int chunk = Math.max(1, lastChunk);
        long due = lastArrival + (long) ((needed + chunk - 1) / chunk) * chunk * nanosPerSample;
        return now + whole * FRAME_NANOS - due;
    }

    /** Barge-in: everything queued is dropped. */
    void clear() {
        queue.clear();
        playing = false;
        held = false;
        ranDry = false;
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    int size() {
        return queue.size();
    }

    long guardNanos() {
        return guard;
    }
}
