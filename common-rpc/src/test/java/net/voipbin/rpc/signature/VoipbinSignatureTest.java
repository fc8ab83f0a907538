package net.voipbin.rpc.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class VoipbinSignatureTest {

    @Test
    void signsTheRawBodyWithHexHmacSha256() {
        // The well-known HMAC-SHA256 of this message under key "key".
        assertThat(VoipbinSignature.of("key",
                "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }
}
