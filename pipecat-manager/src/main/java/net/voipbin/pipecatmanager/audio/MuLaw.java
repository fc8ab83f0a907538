package net.voipbin.pipecatmanager.audio;

/**
 * G.711 mu-law exactly as ITU-T G.191's reference {@code ulaw_compress}/{@code ulaw_expand}: both
 * directions are table lookups built once at class init, so the per-sample path allocates nothing
 * and has no branches beyond the array index.
 */
public final class MuLaw {

    private static final short[] DECODE = new short[256];
    /** Indexed by the top 14 bits of the linear sample: G.191 only ever looks at {@code x >> 2}. */
    private static final byte[] ENCODE = new byte[1 << 14];

    static {
        for (int code = 0; code < 256; code++) {
            DECODE[code] = (short) expand(code);
        }
        for (int index = 0; index < ENCODE.length; index++) {
            int top14 = (index << 18) >> 18;   // sign-extend the 14-bit index
            ENCODE[index] = (byte) compress(top14 << 2);
        }
    }

    private MuLaw() {
    }

    public static short decode(byte code) {
        return DECODE[code & 0xFF];
    }

    public static byte encode(short linear) {
        return ENCODE[(linear >> 2) & 0x3FFF];
    }

    public static void decode(byte[] src, int srcOff, short[] dst, int dstOff, int count) {
        for (int i = 0; i < count; i++) {
            dst[dstOff + i] = DECODE[src[srcOff + i] & 0xFF];
        }
    }

    public static void encode(short[] src, int srcOff, byte[] dst, int dstOff, int count) {
        for (int i = 0; i < count; i++) {
            dst[dstOff + i] = ENCODE[(src[srcOff + i] >> 2) & 0x3FFF];
        }
    }

    /** G.191 ulaw_compress for one sample: one's complement for negatives, bias 33, 8 segments. */
    static int compress(int linear) {
        int absno = linear < 0 ? ((~linear) >> 2) + 33 : (linear >> 2) + 33;
        if (absno > 0x1FFF) {
            absno = 0x1FFF;
        }
        int segno = 1;
        for (int i = absno >> 6; i != 0; i >>= 1) {
            segno++;
        }
        int highNibble = 0x0008 - segno;
        int lowNibble = 0x000F - ((absno >> segno) & 0x000F);
        int code = (highNibble << 4) | lowNibble;
        return linear >= 0 ? code | 0x0080 : code;
    }

    /** G.191 ulaw_expand for one code. */
    static int expand(int code) {
        int sign = code < 0x0080 ? -1 : 1;
        int mantissa = ~code;
        int exponent = (mantissa >> 4) & 0x0007;
        int segment = exponent + 1;
        mantissa &= 0x000F;
        int step = 4 << segment;
        return sign * ((0x0080 << exponent) + step * mantissa + step / 2 - 4 * 33);
    }
}
