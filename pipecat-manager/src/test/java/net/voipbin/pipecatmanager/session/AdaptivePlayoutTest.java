package net.voipbin.pipecatmanager.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * The playout buffer driven by a synthetic clock: runner chunks land at chosen times between 20 ms
 * ticks, each 20 ms chunk carrying its number as every sample, so what each slot played is counted,
 * never timed.
 */
class AdaptivePlayoutTest {

    private static final int RATE = 16000;
    private static final int FRAME = 320;
    private static final long MS = 1_000_000L;

    /** What one tick played: the chunk number (0 = silence) and the tick's index. */
    private record Slot(int tick, int chunk) {
    }

    @Test
    void continuousRunnerAudioLandingJustBeforeItsSlotGetsNoSilenceWhenAChunkIsTwoMillisecondsLate() {
        TreeMap<Long, Integer> arrivals = new TreeMap<>();
        for (int n = 1; n <= 200; n++) {
            // Chunk n lands 1 ms before tick n; every tenth one 1 ms after it.
            arrivals.put((20L * n - (n % 10 == 0 ? -1 : 1)) * MS, n);
        }
        List<Slot> played = play(new AdaptivePlayout(30 * RATE, RATE), arrivals, 260);

        List<Slot> audible = played.stream().filter(s -> s.chunk() > 0).toList();
        assertThat(audible).extracting(Slot::chunk).as("every chunk, in order")
                .containsExactlyElementsOf(range(1, 200));
        int first = audible.getFirst().tick();
        assertThat(audible.getLast().tick() - first).as("no silent slot in between").isEqualTo(199);
        for (Slot slot : audible) {
            long delay = slot.tick() * 20L - arrivalMs(arrivals, slot.chunk());
            assertThat(delay).as("chunk %d: slot wait plus at most one frame", slot.chunk()).isLessThanOrEqualTo(40);
        }
    }

    @Test
    void audioWithRoomBeforeItsSlotStartsAtOnceAndALateChunkTeachesTheGuard() {
        AdaptivePlayout playout = new AdaptivePlayout(30 * RATE, RATE);
        TreeMap<Long, Integer> arrivals = new TreeMap<>();
        for (int n = 1; n <= 50; n++) {
            // 10 ms before its slot; chunk 20 comes 13 ms late, 3 ms after its slot.
            arrivals.put((20L * n - (n == 20 ? -3 : 10)) * MS, n);
        }
        for (int n = 101; n <= 150; n++) {
            arrivals.put((20L * n - 10) * MS, n);   // after a pause, the same phase again
        }
        List<Slot> played = play(playout, arrivals, 170);

        assertThat(tickOf(played, 1)).as("10 ms of room: no hold").isEqualTo(1);
        assertThat(tickOf(played, 19)).isEqualTo(19);
        assertThat(played.get(20).chunk()).as("the one slot a 13 ms late chunk costs").isZero();
        assertThat(tickOf(played, 20)).as("resumed one frame later, not two").isEqualTo(21);
        assertThat(tickOf(played, 50)).isEqualTo(51);
        assertThat(playout.guardNanos()).isGreaterThanOrEqualTo(13 * MS);
        assertThat(tickOf(played, 101)).as("the learnt guard holds the next stretch one frame").isEqualTo(102);
        assertThat(tickOf(played, 150) - tickOf(played, 101)).as("and it plays through").isEqualTo(49);
    }

    @Test
    void aTtsBurstPlaysThroughWithoutAGapAndBargeInEmptiesIt() {
        AdaptivePlayout playout = new AdaptivePlayout(30 * RATE, RATE);
        short[] burst = new short[100 * FRAME];
        for (int i = 0; i < burst.length; i++) {
            burst[i] = (short) (i / FRAME + 1);
        }
        playout.write(burst, 0, burst.length);
        playout.arrived(5 * MS, burst.length);
        short[] frame = new short[FRAME];
        List<Integer> chunks = new ArrayList<>();
        for (int tick = 1; tick <= 60; tick++) {
            playout.read(frame, tick * 20 * MS);
            chunks.add((int) frame[0]);
        }
        assertThat(chunks.indexOf(1)).as("starts within one frame").isLessThanOrEqualTo(1);
        assertThat(chunks.subList(chunks.indexOf(1), 60)).containsExactlyElementsOf(range(1, 60 - chunks.indexOf(1)));
        playout.clear();
        assertThat(playout.read(frame, 61 * 20 * MS)).isZero();
        assertThat(playout.isEmpty()).isTrue();
    }

    @Test
    void queueingAndPlayingAFrameAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory
                .getThreadMXBean();
        AdaptivePlayout playout = new AdaptivePlayout(30 * RATE, RATE);
        short[] chunk = new short[FRAME];
        short[] frame = new short[FRAME];
        long before = 0;
        for (int n = 1; n <= 30_000; n++) {
            if (n == 20_000) {
                before = threads.getCurrentThreadAllocatedBytes();
            }
            playout.write(chunk, 0, FRAME);
            playout.arrived((20L * n - (n % 7 == 0 ? -1 : 3)) * MS, FRAME);
            playout.read(frame, 20L * n * MS);
        }
        assertThat(threads.getCurrentThreadAllocatedBytes() - before).as("bytes allocated over 10000 frames")
                .isLessThan(1000);
    }

    /** Runs ticks 1..ticks at 20 ms, delivering each chunk (320 samples of its number) at its arrival time. */
    private static List<Slot> play(AdaptivePlayout playout, TreeMap<Long, Integer> arrivals, int ticks) {
        List<Slot> played = new ArrayList<>();
        played.add(new Slot(0, 0));
        short[] chunk = new short[FRAME];
        short[] frame = new short[FRAME];
        var pending = new TreeMap<>(arrivals);
        for (int tick = 1; tick <= ticks; tick++) {
            long now = tick * 20 * MS;
            while (!pending.isEmpty() && pending.firstKey() < now) {
                var next = pending.pollFirstEntry();
                Arrays.fill(chunk, (short) (int) next.getValue());
                playout.write(chunk, 0, FRAME);
                playout.arrived(next.getKey(), FRAME);
            }
            int audio = playout.read(frame, now);
            assertThat(audio == 0 || audio == FRAME).as("whole frames only").isTrue();
            played.add(new Slot(tick, audio == 0 ? 0 : frame[0]));
        }
        return played;
    }

    private static int tickOf(List<Slot> played, int chunk) {
        return played.stream().filter(s -> s.chunk() == chunk).findFirst().orElseThrow().tick();
    }

    private static long arrivalMs(TreeMap<Long, Integer> arrivals, int chunk) {
        return arrivals.entrySet().stream().filter(e -> e.getValue() == chunk).findFirst().orElseThrow().getKey() / MS;
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> values = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            values.add(i);
        }
        return values;
    }
}
