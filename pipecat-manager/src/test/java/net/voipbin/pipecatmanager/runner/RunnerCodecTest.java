package net.voipbin.pipecatmanager.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.protobuf.ByteString;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.CorruptedFrameException;
import net.voipbin.pipecatmanager.runner.proto.Frames;

/** The hand-written audio path must produce and accept exactly what Pipecat's generated schema does. */
class RunnerCodecTest {

    private final Recording listener = new Recording();

    @Test
    void handWrittenAudioIsByteIdenticalToTheGeneratedMessage() {
        short[] samples = new short[320];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (i * 97 - 15000);
        }
        ByteBuf ours = RunnerCodec.writeAudio(Unpooled.buffer(), samples, 0, 320, 16000);
        ByteBuf pcm = Unpooled.buffer().order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (short s : samples) {
            pcm.writeShortLE(s);
        }
        byte[] generated = Frames.Frame.newBuilder().setAudio(Frames.AudioRawFrame.newBuilder()
                .setAudio(ByteString.copyFrom(ByteBufUtil.getBytes(pcm))).setSampleRate(16000).setNumChannels(1))
                .build().toByteArray();
        assertThat(ByteBufUtil.getBytes(ours)).isEqualTo(generated);
    }

    @Test
    void decodesAudioWithIdNamePtsAsPipecatSendsIt() throws Exception {
        byte[] wire = Frames.Frame.newBuilder().setAudio(Frames.AudioRawFrame.newBuilder().setId(42).setName("tts")
                .setAudio(ByteString.copyFrom(new byte[] {1, 0, -1, -1})).setSampleRate(16000).setNumChannels(1)
                .setPts(123456789L)).build().toByteArray();
        RunnerCodec.decode(Unpooled.wrappedBuffer(wire), listener);
        assertThat(listener.events).containsExactly("audio:16000:1:0100ffff");
    }

    @Test
    void decodesInterruptionMessageAndText() {
        RunnerCodec.decode(Unpooled.wrappedBuffer(Frames.Frame.newBuilder()
                .setInterruption(Frames.InterruptionFrame.newBuilder().setId(1)).build().toByteArray()), listener);
        RunnerCodec.decode(RunnerCodec.message("{\"type\":\"control\"}"), listener);
        RunnerCodec.decode(Unpooled.wrappedBuffer(Frames.Frame.newBuilder()
                .setTranscription(Frames.TranscriptionFrame.newBuilder().setText("hello")).build().toByteArray()), listener);
        assertThat(listener.events).containsExactly("interruption", "message:{\"type\":\"control\"}", "text:hello");
    }

    @Test
    void aValidFrameOfATypeThisServiceDoesNotKnowIsSkippedLikePipecatDoesNotRejected() {
        // Frame{6: {id: 1}} (a newer Pipecat's frame type), then a frame with nothing set.
        RunnerCodec.decode(Unpooled.wrappedBuffer(new byte[] {0x32, 0x02, 0x08, 0x01}), listener);
        RunnerCodec.decode(Unpooled.EMPTY_BUFFER, listener);
        RunnerCodec.decode(RunnerCodec.message("{}"), listener);
        assertThat(listener.events).containsExactly("skipped:[6]", "skipped:[]", "message:{}");
    }

    @Test
    void messageFramesUseFieldFourWithDataFieldOne() {
        assertThat(ByteBufUtil.hexDump(RunnerCodec.message("{}"))).isEqualTo("2204" + "0a02" + "7b7d");
    }

    @Test
    void garbageAndTruncatedAudioAreRejected() {
        assertThatThrownBy(() -> RunnerCodec.decode(Unpooled.wrappedBuffer(new byte[] {0x12, 0x7f, 0x1a}), listener))
                .isInstanceOf(CorruptedFrameException.class);
        assertThatThrownBy(() -> RunnerCodec.decode(Unpooled.wrappedBuffer(new byte[] {(byte) 0xff, (byte) 0xff}), listener))
                .isInstanceOf(CorruptedFrameException.class);
        assertThat(listener.events).isEmpty();
    }

    static final class Recording implements RunnerListener {
        final List<String> events = new ArrayList<>();

        @Override
        public void runnerConnected() {
            events.add("connected");
        }

        @Override
        public void runnerAudio(ByteBuf frame, int offset, int length, int sampleRate, int channels) {
            events.add("audio:" + sampleRate + ":" + channels + ":" + ByteBufUtil.hexDump(frame, offset, length));
        }

        @Override
        public void runnerInterruption() {
            events.add("interruption");
        }

        @Override
        public void runnerMessage(String json) {
            events.add("message:" + json);
        }

        @Override
        public void runnerText(String text) {
            events.add("text:" + text);
        }

        @Override
        public void runnerSkipped(String fields) {
            events.add("skipped:" + fields);
        }

        @Override
        public void runnerClosed(String reason) {
            events.add("closed");
        }
    }
}
