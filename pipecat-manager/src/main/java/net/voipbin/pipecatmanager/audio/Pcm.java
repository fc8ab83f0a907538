package net.voipbin.pipecatmanager.audio;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** 16-bit PCM helpers for the hot path. */
public final class Pcm {

    private static final VarHandle LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

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

    /** {@code count} little-endian 16-bit samples from {@code src} (bytes) into {@code dst}. */
    public static void fromLittleEndian(byte[] src, short[] dst, int count) {
        for (int i = 0; i < count; i++) {
            dst[i] = (short) LE.get(src, 2 * i);
        }
    }

    /** {@code count} samples of {@code src} as little-endian bytes into {@code dst}. */
    public static void toLittleEndian(short[] src, byte[] dst, int count) {
        for (int i = 0; i < count; i++) {
            LE.set(dst, 2 * i, src[i]);
        }
    }
}
