package net.voipbin.callmanager.operation;

import java.util.Locale;

/**
 * The fallback when no speech engine is installed: the text names a prompt of Asterisk's sound library
 * ({@code "hello world"} → {@code sound:hello-world}, {@code "vm-goodbye"} → {@code sound:vm-goodbye}).
 * Text that names no prompt makes the playback fail, which the flow sees as a failed talk.
 */
final class PromptTextToSpeech implements TextToSpeech {

    @Override
    public String media(String text, String language) {
        String prompt = text.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9/_-]+", "-")
                .replaceAll("^-+|-+$", "");
        return "sound:" + (prompt.isEmpty() ? "silence/1" : prompt);
    }
}
