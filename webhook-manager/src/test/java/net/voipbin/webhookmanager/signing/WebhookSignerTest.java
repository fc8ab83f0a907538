package net.voipbin.webhookmanager.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.voipbin.webhookmanager.Verify;

class WebhookSignerTest {

    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    @Test
    void reproducesTheStandardWebhooksPublishedTestVector() {
        WebhookSecret secret = new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        String signature = WebhookSigner.standardSignature(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, BODY);

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void bothHeadersVerifyWithAnIndependentImplementation() throws Exception {
        WebhookSecret secret = WebhookSecret.generate(new SecureRandom());

        WebhookSigner.Signatures signatures = WebhookSigner.sign(List.of(secret), "msg_1", 1700000000L, BODY);

        assertThat(Verify.voipbin(signatures.voipbin(), BODY, secret.value())).isTrue();
        assertThat(Verify.standard("msg_1", "1700000000", signatures.standard(), BODY, secret.value())).isTrue();
        assertThat(Verify.standard("msg_2", "1700000000", signatures.standard(), BODY, secret.value())).isFalse();
    }

    @Test
    void duringRotationEachHeaderCarriesOneSignaturePerSecretNewestFirst() throws Exception {
        WebhookSecret current = WebhookSecret.generate(new SecureRandom());
        WebhookSecret previous = WebhookSecret.generate(new SecureRandom());

        WebhookSigner.Signatures signatures = WebhookSigner.sign(List.of(current, previous), "msg_1", 1L, BODY);

        assertThat(signatures.standard().split(" ")).hasSize(2);
        assertThat(signatures.voipbin()).startsWith(WebhookSigner.voipbinSignature(current, BODY) + ", ");
        assertThat(Verify.voipbin(signatures.voipbin(), BODY, previous.value())).isTrue();
        assertThat(Verify.standard("msg_1", "1", signatures.standard(), BODY, previous.value())).isTrue();
        assertThat(Verify.standard("msg_1", "1", signatures.standard(), BODY, current.value())).isTrue();
    }

    @Test
    void aSecretNeverShowsItsValueWhenPrinted() {
        WebhookSecret secret = WebhookSecret.generate(new SecureRandom());

        assertThat(secret.toString()).doesNotContain(secret.value().substring(6));
        assertThat(secret.value()).startsWith("whsec_");
        assertThat(secret.standardKey()).hasSize(32);
    }
}
