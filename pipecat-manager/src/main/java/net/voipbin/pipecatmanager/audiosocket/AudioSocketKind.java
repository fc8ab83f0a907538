package net.voipbin.pipecatmanager.audiosocket;

/**
 * Asterisk AudioSocket frame kinds (res_audiosocket): 1 byte kind, 2 bytes big-endian length, payload.
 * Audio is 16-bit little-endian signed linear at the kind's rate (0x10 also carries a non-slin
 * channel's raw bytes, e.g. G.711 mu-law, which is why a session names its format).
 */
public enum AudioSocketKind {
    HANGUP(0x00, 0),
    UUID(0x01, 0),
    DTMF(0x03, 0),
    SLIN_8K(0x10, 8000),
    SLIN_12K(0x11, 12000),
    SLIN_16K(0x12, 16000),
    SLIN_24K(0x13, 24000),
    SLIN_32K(0x14, 32000),
    SLIN_44K(0x15, 44100),
    SLIN_48K(0x16, 48000),
    SLIN_96K(0x17, 96000),
    SLIN_192K(0x18, 192000),
    ERROR(0xFF, 0);

    private static final AudioSocketKind[] BY_CODE = new AudioSocketKind[256];

    static {
        for (AudioSocketKind kind : values()) {
            BY_CODE[kind.code] = kind;
        }
    }

    private final int code;
    private final int sampleRate;

    AudioSocketKind(int code, int sampleRate) {
        this.code = code;
        this.sampleRate = sampleRate;
    }

    public int code() {
        return code;
    }

    /** Samples per second for audio kinds, 0 for control kinds. */
    public int sampleRate() {
        return sampleRate;
    }

    public boolean isAudio() {
        return sampleRate > 0;
    }

    /** The kind for a wire code, or null for a code Asterisk does not define. */
    public static AudioSocketKind of(int code) {
        return BY_CODE[code & 0xFF];
    }
}
