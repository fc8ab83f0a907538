package net.voipbin.pipecatmanager.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MuLawTest {

    /** Independent reference: the classic Sun/CCITT expansion (bias 0x84), which G.191's table equals. */
    private static int referenceExpand(int code) {
        int u = ~code & 0xFF;
        int t = ((u & 0x0F) << 3) + 0x84;
        t <<= (u & 0x70) >> 4;
        return (u & 0x80) != 0 ? 0x84 - t : t - 0x84;
    }

    @Test
    void decodesAll256CodesToTheG191Table() {
        for (int code = 0; code < 256; code++) {
            assertThat(MuLaw.decode((byte) code)).as("code 0x%02X", code).isEqualTo((short) referenceExpand(code));
        }
        assertThat(MuLaw.decode((byte) 0x00)).isEqualTo((short) -32124);
        assertThat(MuLaw.decode((byte) 0x80)).isEqualTo((short) 32124);
        assertThat(MuLaw.decode((byte) 0xFF)).isZero();
        assertThat(MuLaw.decode((byte) 0x7F)).isZero();
        assertThat(MuLaw.decode((byte) 0xF0)).isEqualTo((short) 120);
    }

    @Test
    void codeToLinearToCodeIsTheIdentityExceptNegativeZero() {
        for (int code = 0; code < 256; code++) {
            int expected = code == 0x7F ? 0xFF : code;
            assertThat(MuLaw.encode(MuLaw.decode((byte) code)) & 0xFF).as("code 0x%02X", code).isEqualTo(expected);
        }
    }

    @Test
    void encodesNegativesByOnesComplementLikeG191() {
        assertThat(MuLaw.encode((short) 0) & 0xFF).isEqualTo(0xFF);
        assertThat(MuLaw.encode((short) -1) & 0xFF).isEqualTo(0x7F);
        assertThat(MuLaw.encode((short) 32767) & 0xFF).isEqualTo(0x80);
        assertThat(MuLaw.encode((short) -32768) & 0xFF).isEqualTo(0x00);
        for (int x = -32768; x < 0; x++) {
            // G.191 codes a negative x from ~x (= -x - 1), so x and ~x differ only in the sign bit.
            int negative = MuLaw.encode((short) x) & 0xFF;
            int positive = MuLaw.encode((short) ~x) & 0xFF;
            assertThat(negative | 0x80).as("x=%d", x).isEqualTo(positive);
        }
    }

    @Test
    void everyLinearValueEncodesToTheG191FormulaAndQuantizesWithinHalfAStep() {
        for (int x = -32768; x <= 32767; x++) {
            int code = MuLaw.encode((short) x) & 0xFF;
            assertThat(code).as("x=%d", x).isEqualTo(MuLaw.compress(x));
            int error = Math.abs(MuLaw.decode((byte) code) - x);
            int magnitude = Math.abs(x);
            // Step is 8 in the first segment and 1024 in the last; clipping above 32124 aside.
            int step = magnitude < 124 ? 8 : Integer.highestOneBit(magnitude + 132) >> 3;
            if (magnitude <= 32124) {
                assertThat(error).as("x=%d code=0x%02X", x, code).isLessThanOrEqualTo(step / 2 + 4);
            }
        }
    }

    @Test
    void bulkConversionMatchesTheScalarOne() {
        short[] linear = Tones.tone(1000, 8000, 160, 20000);
        byte[] codes = new byte[160];
        short[] back = new short[160];
        MuLaw.encode(linear, 0, codes, 0, 160);
        MuLaw.decode(codes, 0, back, 0, 160);
        for (int i = 0; i < 160; i++) {
            assertThat(codes[i]).isEqualTo(MuLaw.encode(linear[i]));
            assertThat(back[i]).isEqualTo(MuLaw.decode(codes[i]));
        }
    }
}
