package net.voipbin.webhookmanager.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class SecretCipherTest {

    static final String KEY_1 = key(1);
    static final String KEY_2 = key(2);

    private final UUID webhook = UUID.randomUUID();
    private final WebhookSecret secret = WebhookSecret.generate(new SecureRandom());

    @Test
    void sealsUnderTheCurrentKeyWithAFreshNonceAndNoTraceOfTheSecret() {
        SecretCipher cipher = cipher(KEY_1);

        String first = cipher.seal(webhook, secret);
        String second = cipher.seal(webhook, secret);

        String keyId = cipher.ring().currentId();
        assertThat(first).startsWith("v1:" + keyId + ":").isNotEqualTo(second);
        assertThat(first).doesNotContain(secret.value().substring(WebhookSecret.PREFIX.length()), "whsec_");
        // 12-byte nonce + the 50-byte secret + the 16-byte tag
        assertThat(Base64.getDecoder().decode(first.substring(first.lastIndexOf(':') + 1))).hasSize(12 + 50 + 16);
        assertThat(cipher.isCurrent(first)).isTrue();
    }

    @Test
    void opensWhatItSealedAndASecretStoredInClearBeforeEncryption() {
        SecretCipher cipher = cipher(KEY_1);

        assertThat(cipher.open(webhook, cipher.seal(webhook, secret))).isEqualTo(secret);
        assertThat(cipher.open(webhook, secret.value())).isEqualTo(secret);
        assertThat(cipher.isCurrent(secret.value())).isFalse();
    }

    @Test
    void aSecretSealedUnderThePreviousKeyOpensAfterARotationAndIsNoLongerCurrent() {
        String sealedBefore = cipher(KEY_1).seal(webhook, secret);
        SecretCipher rotated = cipher(KEY_2, KEY_1);

        assertThat(rotated.open(webhook, sealedBefore)).isEqualTo(secret);
        assertThat(rotated.isCurrent(sealedBefore)).isFalse();
        assertThat(rotated.isCurrent(rotated.seal(webhook, secret))).isTrue();
    }

    @Test
    void withoutItsKeyASecretFailsNamingTheWebhookAndTheKeyIdButNeverTheSecret() {
        SecretCipher before = cipher(KEY_1);
        String sealed = before.seal(webhook, secret);

        assertThatThrownBy(() -> cipher(KEY_2).open(webhook, sealed))
                .isInstanceOf(SecretKeyException.class)
                .hasMessageContaining(webhook.toString())
                .hasMessageContaining("encrypted with key " + before.ring().currentId() + ", which is not configured")
                .hasMessageNotContaining(secret.value())
                .satisfies(e -> assertThat(((SecretKeyException) e).keyId()).isEqualTo(before.ring().currentId()));
    }

    @Test
    void aStoredSecretCopiedToAnotherWebhookOrAlteredDoesNotOpen() {
        SecretCipher cipher = cipher(KEY_1);
        String sealed = cipher.seal(webhook, secret);
        char last = sealed.charAt(sealed.length() - 3);
        String altered = sealed.substring(0, sealed.length() - 3) + (last == 'A' ? 'B' : 'A') + sealed.substring(sealed.length() - 2);

        assertThatThrownBy(() -> cipher.open(UUID.randomUUID(), sealed)).isInstanceOf(SecretKeyException.class)
                .hasMessageContaining("does not decrypt with key");
        assertThatThrownBy(() -> cipher.open(webhook, altered)).isInstanceOf(SecretKeyException.class);
        assertThatThrownBy(() -> cipher.open(webhook, "v1:" + cipher.ring().currentId() + ":%%%"))
                .isInstanceOf(SecretKeyException.class).hasMessageContaining("damaged");
        assertThatThrownBy(() -> cipher.open(webhook, "v9:whatever")).isInstanceOf(SecretKeyException.class)
                .hasMessageContaining("no known format");
    }

    static SecretCipher cipher(String current, String... previous) {
        return new SecretCipher(SecretKeyRing.from(new SecretKeyProperties(current, List.of(previous))), new SecureRandom());
    }

    static String key(int seed) {
        byte[] key = new byte[32];
        new java.util.Random(seed).nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
