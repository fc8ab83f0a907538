package net.voipbin.webhookmanager.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class SecretKeyRingTest {

    @Test
    void withoutAKeyThePublicDevelopmentKeyIsCurrentSoLocalModeAndTestsNeedNothing() {
        SecretKeyRing ring = SecretKeyRing.from(new SecretKeyProperties("", List.of()));

        assertThat(ring.isDevelopment()).isTrue();
        assertThat(ring.currentId()).isEqualTo("dev");
    }

    @Test
    void aKeysIdIsDerivedFromItSoEveryInstanceAgreesAndTheDevelopmentKeyStillDecrypts() {
        SecretKeyRing one = SecretKeyRing.from(new SecretKeyProperties(SecretCipherTest.KEY_1, List.of(SecretCipherTest.KEY_2)));
        SecretKeyRing other = SecretKeyRing.from(new SecretKeyProperties(SecretCipherTest.KEY_1, List.of()));

        assertThat(one.currentId()).matches("[0-9a-f]{8}").isEqualTo(other.currentId());
        assertThat(one.ids()).hasSize(3).startsWith(one.currentId()).contains("dev");
        assertThat(one.isDevelopment()).isFalse();
    }

    @Test
    void aMalformedKeyStopsTheStartWithoutShowingIt() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> SecretKeyRing.from(new SecretKeyProperties("not base64 at all!", List.of())))
                .hasMessageContaining("VOIPBIN_WEBHOOK_SECRET_KEY").hasMessageContaining("not base64")
                .hasMessageNotContaining("at all");
        assertThatThrownBy(() -> SecretKeyRing.from(new SecretKeyProperties(SecretCipherTest.KEY_1, List.of(shortKey))))
                .hasMessageContaining("previous-secret-keys[0]").hasMessageContaining("32 bytes, not 16")
                .hasMessageNotContaining(shortKey);
    }

    @Test
    void previousKeysWithoutACurrentOneAreRefusedRatherThanReencryptedUnderThePublicKey() {
        assertThatThrownBy(() -> SecretKeyRing.from(new SecretKeyProperties("", List.of(SecretCipherTest.KEY_1))))
                .hasMessageContaining("secret-key");
    }

    @Test
    void theEnvironmentVariablesBindToTheProperties() {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource("env", Map.of(
                "VOIPBIN_WEBHOOK_SECRET_KEY", SecretCipherTest.KEY_1,
                "VOIPBIN_WEBHOOK_PREVIOUS_SECRET_KEYS", SecretCipherTest.KEY_2 + "," + SecretCipherTest.KEY_1)));

        SecretKeyProperties bound = new Binder(ConfigurationPropertySources.from(sources))
                .bindOrCreate("voipbin.webhook", SecretKeyProperties.class);

        assertThat(bound.secretKey()).isEqualTo(SecretCipherTest.KEY_1);
        assertThat(bound.previousSecretKeys()).containsExactly(SecretCipherTest.KEY_2, SecretCipherTest.KEY_1);
    }

    @Test
    void neitherThePropertiesNorTheRingPrintAKey() {
        SecretKeyProperties properties = new SecretKeyProperties(SecretCipherTest.KEY_1, List.of(SecretCipherTest.KEY_2));

        assertThat(properties.toString() + SecretKeyRing.from(properties))
                .doesNotContain(SecretCipherTest.KEY_1, SecretCipherTest.KEY_2);
    }
}
