package net.voipbin.pipecatmanager.session;

/**
 * Audio waiting to be played to the caller, at the session's rate: a fixed ring of samples (the
 * runner's TTS arrives faster than real time and is paced out 20 ms at a time). Single-threaded (the
 * session's event loop); no allocation after construction.
 */
final class PlayoutQueue {

    private final short[] ring;
    private int head;
    private int size;

    PlayoutQueue(int capacitySamples) {
        this.ring = new short[capacitySamples];
    }

    /** Appends up to {@code count} samples; returns how many fitted (the rest is dropped). */
    int write(short[] src, int offset, int count) {
        int accepted = Math.min(count, ring.length - size);
        int tail = (head + size) % ring.length;
        int first = Math.min(accepted, ring.length - tail);
        System.arraycopy(src, offset, ring, tail, first);
        System.arraycopy(src, offset + first, ring, 0, accepted - first);
        size += accepted;
        return accepted;
    }

    /** Fills {@code count} samples of {@code dst}: queued audio first, silence after; returns the audio count. */
    int read(short[] dst, int count) {
        int taken = Math.min(count, size);
        int first = Math.min(taken, ring.length - head);
        System.arraycopy(ring, head, dst, 0, first);
        System.arraycopy(ring, 0, dst, first, taken - first);
        java.util.Arrays.fill(dst, taken, count, (short) 0);
        head = (head + taken) % ring.length;
        size -= taken;
        return taken;
    }

    /** Barge-in: everything queued is dropped. */
    void clear() {
        head = 0;
        size = 0;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }
}
