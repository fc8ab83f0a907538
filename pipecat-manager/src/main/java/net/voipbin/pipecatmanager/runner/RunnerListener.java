package net.voipbin.pipecatmanager.runner;

import io.netty.buffer.ByteBuf;

/** What a runner connection reports, on the session's event loop. */
public interface RunnerListener {

    /** The WebSocket handshake completed. */
    void runnerConnected();

    /**
     * Audio to play: {@code length} bytes of 16-bit little-endian PCM at {@code sampleRate}, lent for
     * the duration of the call only.
     */
    void runnerAudio(ByteBuf frame, int offset, int length, int sampleRate, int channels);

    /** Barge-in: drop what is queued toward the caller. */
    void runnerInterruption();

    /** A MessageFrame's JSON ({@code {"type": ...}}). */
    void runnerMessage(String json);

    /** A TextFrame or TranscriptionFrame: informative only. */
    void runnerText(String text);

    /**
     * A valid Pipecat frame of a type this service does not know ({@code fields}: its field numbers),
     * skipped as Pipecat's own serializer does.
     */
    void runnerSkipped(String fields);

    void runnerClosed(String reason);
}
