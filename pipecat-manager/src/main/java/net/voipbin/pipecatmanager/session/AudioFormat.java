package net.voipbin.pipecatmanager.session;

import net.voipbin.pipecatmanager.audiosocket.AudioSocketKind;

/**
 * A session's audio on the Asterisk side. {@code ulaw} and {@code slin} both travel as kind 0x10
 * (Asterisk labels a non-slin channel's bytes 0x10 too); only slin16 avoids resampling.
 */
public enum AudioFormat {
    ULAW("ulaw", AudioSocketKind.SLIN_8K, 1),
    SLIN("slin", AudioSocketKind.SLIN_8K, 2),
    SLIN16("slin16", AudioSocketKind.SLIN_16K, 2);

    private final String wireName;
    private final AudioSocketKind kind;
    private final int bytesPerSample;

    AudioFormat(String wireName, AudioSocketKind kind, int bytesPerSample) {
        this.wireName = wireName;
        this.kind = kind;
        this.bytesPerSample = bytesPerSample;
    }

    /** The name call-manager / Asterisk use for it (externalMedia {@code format}). */
    public String wireName() {
        return wireName;
    }

    public AudioSocketKind kind() {
        return kind;
    }

    public int sampleRate() {
        return kind.sampleRate();
    }

    public int bytesPerSample() {
        return bytesPerSample;
    }

    /** Samples in one 20 ms frame. */
    public int frameSamples() {
        return sampleRate() / 50;
    }

    public static AudioFormat of(String wireName) {
        for (AudioFormat format : values()) {
            if (format.wireName.equals(wireName)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown audio format " + wireName);
    }
}
