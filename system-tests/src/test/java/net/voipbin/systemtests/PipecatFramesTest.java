package net.voipbin.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class PipecatFramesTest {

    @Test
    void aMessageFrameItWritesReadsBackAsTheSameJson() {
        String json = "{\"type\":\"llm_function_call\",\"function_name\":\"end_call\"}";

        assertThat(PipecatFrames.decode(PipecatFrames.message(json))).isEqualTo(new PipecatFrames.Message(json));
    }

    @Test
    void anAudioRawFrameShowsItsRateChannelsAndWhetherItIsAudible() {
        // Frame{audio: AudioRawFrame{audio: 01 00 00 00, sample_rate: 16000, num_channels: 1}}
        byte[] frame = HexFormat.of().parseHex("120b" + "1a0401000000" + "20807d" + "2801");

        PipecatFrames.Audio audio = (PipecatFrames.Audio) PipecatFrames.decode(frame);

        assertThat(audio.sampleRate()).isEqualTo(16000);
        assertThat(audio.numChannels()).isEqualTo(1);
        assertThat(audio.pcm()).hasSize(4);
        assertThat(audio.audible()).isTrue();
        assertThat(new PipecatFrames.Audio(16000, 1, new byte[640]).audible()).isFalse();
    }

    @Test
    void bytesThatAreNoFrameOfTheTwoKindsFailWithWhatTheyAre() {
        assertThatThrownBy(() -> PipecatFrames.decode(HexFormat.of().parseHex("12ff01")))
                .hasMessageStartingWith("not protobuf:");
        assertThatThrownBy(() -> PipecatFrames.decode(HexFormat.of().parseHex("0a0100")))
                .hasMessage("frame with fields [1]");
        assertThatThrownBy(() -> PipecatFrames.decode(HexFormat.of().parseHex("ff"))).hasMessageStartingWith("not protobuf:");
    }
}
