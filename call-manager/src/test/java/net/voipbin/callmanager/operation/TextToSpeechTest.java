package net.voipbin.callmanager.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

class TextToSpeechTest {

    @Test
    void withoutAnEngineTheTextNamesAPrompt() {
        PromptTextToSpeech prompts = new PromptTextToSpeech();
        assertThat(prompts.media("Hello World", "en")).isEqualTo("sound:hello-world");
        assertThat(prompts.media("vm-goodbye", null)).isEqualTo("sound:vm-goodbye");
        assertThat(prompts.media("  ?! ", null)).isEqualTo("sound:silence/1");
    }

    @Test
    void espeakWavAudioBecomesEightKilohertzSignedLinear() throws Exception {
        int rate = 22_050;
        int samples = rate / 10;
        ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes());
        wav.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
                .putShort((short) 2).putShort((short) 16);
        wav.put("data".getBytes()).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            wav.putShort((short) (i % 2 == 0 ? 1000 : 1000));
        }

        byte[] slin = EspeakTextToSpeech.Wav.toSlin8k(wav.array());

        assertThat(slin.length).isEqualTo(800 * 2);
        ByteBuffer out = ByteBuffer.wrap(slin).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(out.getShort(0)).isEqualTo((short) 1000);
        assertThat(out.getShort(slin.length - 2)).isEqualTo((short) 1000);
    }

    @Test
    void espeakIsDetectedOnlyWhenItRuns() {
        assertThat(EspeakTextToSpeech.available("no-such-tts-binary-xyz")).isFalse();
    }
}
