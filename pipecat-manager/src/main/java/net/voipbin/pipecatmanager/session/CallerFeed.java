package net.voipbin.pipecatmanager.session;

import java.time.Duration;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import net.voipbin.pipecatmanager.audiosocket.AudioSocketDecoder;
import net.voipbin.pipecatmanager.runner.RunnerCodec;

/**
 * The caller's audio on its way to the runner, converted to 16 kHz. Until the runner is connected the
 * newest {@code startup-buffer} of it is kept (older audio is dropped) and sent as soon as the runner
 * is up. From then on audio goes out as it arrives, but never more than {@code startup-buffer} ahead of
 * real time: frames that piled up while the connection was made or the loop stalled arrive in a burst,
 * and passing all of them on would leave an echoing or real-time-paced runner, and so the whole call,
 * that much late for the rest of the call (continuous audio never drains a backlog). The excess of a
 * burst is dropped and counted instead. Single-threaded (the session's event loop); nothing is
 * allocated per frame but the pooled buffers written to the runner.
 */
final class CallerFeed {

    private static final long NANOS_PER_SAMPLE = 1_000_000_000L / AudioBridge.RUNNER_RATE;
    private static final int FRAME_BYTES = 2 * AudioBridge.RUNNER_RATE / 50;

    private final AudioBridge bridge;
    private final int startupBytes;
    private final long limitNanos;
    private ByteBuf startup;
    /** When a real-time listener would have heard everything forwarded so far. */
    private long horizon;
    private volatile long droppedSamples;

    CallerFeed(AudioBridge bridge, Duration startupBuffer) {
        this.bridge = bridge;
        this.limitNanos = startupBuffer.toNanos();
        this.startupBytes = 2 * (int) (limitNanos / NANOS_PER_SAMPLE);
        this.startup = Unpooled.buffer(startupBytes + 4 * FRAME_BYTES);
    }

    /** One caller audio frame of the session's kind; {@code runner} is null until the runner is connected. */
    void audio(ByteBuf frame, long now, Channel runner) {
        int length = AudioSocketDecoder.payloadLength(frame);
        int offset = frame.readerIndex() + AudioSocketDecoder.HEADER;
        if (runner == null) {
            if (startup != null) {
                keep(frame, offset, length);
            }
            return;
        }
        int samples = bridge.runnerSamples(length);
        if (!runner.isWritable() || horizon - now > limitNanos) {
            droppedSamples += samples;   // a runner that stopped reading, or the excess of a burst
            return;
        }
        horizon = Math.max(horizon, now) + samples * NANOS_PER_SAMPLE;
        ByteBuf out = runner.alloc().buffer(RunnerCodec.maxAudioFrameSize(samples));
        RunnerCodec.writeAudioHeader(out, samples, AudioBridge.RUNNER_RATE);
        bridge.callerToRunner(frame, offset, length, out);
        RunnerCodec.writeAudioTrailer(out, AudioBridge.RUNNER_RATE);
        runner.writeAndFlush(new BinaryWebSocketFrame(out), runner.voidPromise());
    }

    /** The runner is connected: what was kept goes out at once, in 20 ms frames. */
    void runnerReady(Channel runner, long now) {
        horizon = now;
        if (startup == null) {
            return;
        }
        while (startup.isReadable()) {
            int bytes = Math.min(FRAME_BYTES, startup.readableBytes());
            ByteBuf out = runner.alloc().buffer(RunnerCodec.maxAudioFrameSize(bytes / 2));
            RunnerCodec.writeAudioHeader(out, bytes / 2, AudioBridge.RUNNER_RATE);
            out.writeBytes(startup, bytes);
            RunnerCodec.writeAudioTrailer(out, AudioBridge.RUNNER_RATE);
            runner.write(new BinaryWebSocketFrame(out), runner.voidPromise());
            horizon += bytes / 2 * NANOS_PER_SAMPLE;
        }
        runner.flush();
        close();
    }

    private void keep(ByteBuf frame, int offset, int length) {
        bridge.callerToRunner(frame, offset, length, startup);
        int excess = startup.readableBytes() - startupBytes;
        if (excess > 0) {
            startup.skipBytes(excess).discardReadBytes();
            droppedSamples += excess / 2;
        }
    }

    /** Milliseconds of caller audio dropped so far (kept too long before the runner was up, or a burst's excess). */
    long droppedMillis() {
        return droppedSamples * 1000 / AudioBridge.RUNNER_RATE;
    }

    void close() {
        if (startup != null) {
            startup.release();
            startup = null;
        }
    }
}
