package net.voipbin.pipecatmanager.audio;

/** 16-bit PCM helpers for the hot path. */
public final class Pcm {

    private Pcm() {
    }

    /** Rounds to nearest and saturates to the 16-bit range (an overshooting filter must not wrap). */
    public static short clamp(float value) {
        int rounded = (int) Math.floor(value + 0.5f);
        if (rounded > Short.MAX_VALUE) {
            return Short.MAX_VALUE;
        }
        return rounded < Short.MIN_VALUE ? Short.MIN_VALUE : (short) rounded;
    }
}
