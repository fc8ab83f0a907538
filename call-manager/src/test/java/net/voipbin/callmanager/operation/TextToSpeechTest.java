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
    void espeakSpeechIsWrittenOnceAsSlinAndPlayedByPath(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        // A stand-in for the espeak-ng binary: answers --version and writes a 22.05 kHz WAV to stdout.
        java.nio.file.Path wav = dir.resolve("speech.wav");
        java.nio.file.Files.write(wav, wav22k(2205));
        java.nio.file.Path counter = dir.resolve("runs");
        java.nio.file.Path script = dir.resolve("espeak-ng");
        java.nio.file.Files.writeString(script, "#!/bin/sh\nif [ \"$1\" = \"--version\" ]; then echo fake; exit 0; fi\n"
                + "echo run >> " + counter + "\ncat " + wav + "\n");
        script.toFile().setExecutable(true);
        assertThat(EspeakTextToSpeech.available(script.toString())).isTrue();
        EspeakTextToSpeech tts = new EspeakTextToSpeech(script.toString(), dir.resolve("tts"));

        String media = tts.media("Welcome to VoIPBIN", "en");
        String again = tts.media("Welcome to VoIPBIN", "en");

        assertThat(media).startsWith("sound:" + dir.resolve("tts")).isEqualTo(again);
        java.nio.file.Path sln = java.nio.file.Path.of(media.substring("sound:".length()) + ".sln");
        assertThat(java.nio.file.Files.size(sln)).isEqualTo(800 * 2);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(sln)))
                .as("Asterisk, another user, reads it").isEqualTo("rw-r--r--");
        assertThat(java.nio.file.Files.readAllLines(counter)).as("cached: synthesized once").hasSize(1);
        assertThat(tts.media("Goodbye", "en")).isNotEqualTo(media);
    }

    private static byte[] wav22k(int samples) {
        int rate = 22_050;
        ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes());
        wav.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
                .putShort((short) 2).putShort((short) 16);
        // espeak-ng streaming to stdout cannot know the length: it writes 0x7fffffff.
        wav.put("data".getBytes()).putInt(0x7fffffff);
        for (int i = 0; i < samples; i++) {
            wav.putShort((short) 1000);
        }
        return wav.array();
    }

    @Test
    void espeakIsDetectedOnlyWhenItRuns() {
        assertThat(EspeakTextToSpeech.available("no-such-tts-binary-xyz")).isFalse();
    }
}
