package net.voipbin.pipecatmanager.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.util.ResourceLeakDetector;
import net.voipbin.pipecatmanager.runner.RunnerCodec;
import net.voipbin.pipecatmanager.runner.RunnerListener;

/**
 * Caller audio toward the runner with a synthetic clock: slin16 AudioSocket frames whose samples all
 * carry the frame's number, so what reaches the runner is counted frame by frame.
 */
class CallerFeedTest {

    private static final long MS = 1_000_000L;

    private final CallerFeed feed = new CallerFeed(new AudioBridge(AudioFormat.SLIN16), Duration.ofMillis(60));
    private final EmbeddedChannel runner = new EmbeddedChannel();

    @BeforeAll
    static void paranoidLeakDetection() {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }

    @AfterEach
    void close() {
        feed.close();
        runner.finishAndReleaseAll();
    }

    @Test
    void onlyTheNewestStartupBufferOfCallerAudioWaitsForTheRunner() {
        for (int n = 1; n <= 10; n++) {
            send(n, n * 20 * MS, false);
        }
        feed.runnerReady(runner, 210 * MS);
        assertThat(reachedRunner()).as("the last 60 ms, in 20 ms frames").containsExactly(8, 9, 10);
        assertThat(feed.droppedMillis()).isEqualTo(140);
    }

    @Test
    void aBurstOfPiledUpAudioIsCutToTheStartupBufferSoTheRunnerNeverFallsBehind() {
        feed.runnerReady(runner, 0);
        for (int n = 1; n <= 5; n++) {
            send(n, n * 20 * MS, true);
        }
        for (int n = 6; n <= 30; n++) {
            send(n, 600 * MS, true);   // 500 ms of frames piled up behind a stall, read at once
        }
        for (int n = 31; n <= 40; n++) {
            send(n, (600 + (n - 30) * 20) * MS, true);
        }
        List<Integer> sent = reachedRunner();
        assertThat(sent).as("real time, then the burst's first 60 ms beyond real time, then real time")
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40);
        assertThat(feed.droppedMillis()).isEqualTo(21 * 20);
    }

    private void send(int n, long now, boolean ready) {
        ByteBuf frame = Unpooled.buffer(643).writeByte(0x12).writeShort(640);
        for (int i = 0; i < 320; i++) {
            frame.writeShortLE(n);
        }
        try {
            feed.audio(frame, now, ready ? runner : null);
        } finally {
            frame.release();
        }
    }

    /** The number carried by each 20 ms audio frame the runner got. */
    private List<Integer> reachedRunner() {
        List<Integer> numbers = new ArrayList<>();
        RunnerListener listener = new RunnerListener() {
            @Override
            public void runnerAudio(ByteBuf frame, int offset, int length, int sampleRate, int channels) {
                assertThat(length).isEqualTo(640);
                assertThat(sampleRate).isEqualTo(16000);
                numbers.add((int) frame.getShortLE(offset));
            }

            @Override
            public void runnerConnected() {
            }

            @Override
            public void runnerInterruption() {
            }

            @Override
            public void runnerMessage(String json) {
            }

            @Override
            public void runnerText(String text) {
            }

            @Override
            public void runnerSkipped(String fields) {
            }

            @Override
            public void runnerClosed(String reason) {
            }
        };
        for (Object out; (out = runner.readOutbound()) != null;) {
            BinaryWebSocketFrame frame = (BinaryWebSocketFrame) out;
            RunnerCodec.decode(frame.content(), listener);
            frame.release();
        }
        return numbers;
    }
}
