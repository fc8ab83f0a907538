package net.voipbin.pipecatmanager.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlayoutQueueTest {

    private final PlayoutQueue queue = new PlayoutQueue(8);
    private final short[] frame = new short[4];

    @Test
    void playsQueuedAudioInOrderThenSilence() {
        queue.write(new short[] {1, 2, 3, 4, 5, 6}, 0, 6);
        assertThat(queue.read(frame, 4)).isEqualTo(4);
        assertThat(frame).containsExactly(1, 2, 3, 4);
        assertThat(queue.read(frame, 4)).isEqualTo(2);
        assertThat(frame).containsExactly(5, 6, 0, 0);
        assertThat(queue.read(frame, 4)).isZero();
        assertThat(frame).containsExactly(0, 0, 0, 0);
    }

    @Test
    void wrapsAroundTheRingAndDropsWhatDoesNotFit() {
        queue.write(new short[] {1, 2, 3, 4, 5, 6}, 0, 6);
        queue.read(frame, 4);
        assertThat(queue.write(new short[] {7, 8, 9, 10, 11, 12, 13}, 0, 7)).isEqualTo(6);
        short[] all = new short[8];
        assertThat(queue.read(all, 8)).isEqualTo(8);
        assertThat(all).containsExactly(5, 6, 7, 8, 9, 10, 11, 12);
    }

    @Test
    void bargeInEmptiesTheQueueAtOnce() {
        queue.write(new short[] {1, 2, 3}, 0, 3);
        queue.clear();
        assertThat(queue.isEmpty()).isTrue();
        assertThat(queue.read(frame, 4)).isZero();
    }
}
