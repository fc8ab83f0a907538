package net.voipbin.webhookmanager.signing;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A webhook secret in the Standard Webhooks form {@code whsec_<base64 of 32 random bytes>}. The
 * {@code v1} scheme keys HMAC with the decoded bytes; {@code X-VoIPBIN-Signature} keys it with the
 * secret string exactly as shown to the customer (UTF-8, prefix included), which is what "HMAC of the
 * body with the secret" means to someone reading our docs. {@link #toString()} never shows the value.
 */
public record WebhookSecret(String value) {

    public static final String PREFIX = "whsec_";
    private static final int KEY_BYTES = 32;

    public WebhookSecret {
        if (value == null || !value.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + PREFIX);
        }
    }

    public static WebhookSecret generate(SecureRandom random) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key));
    }

    /** The HMAC key of the Standard Webhooks {@code v1} scheme. */
    public byte[] standardKey() {
        return Base64.getDecoder().decode(value.substring(PREFIX.length()));
    }

    @Override
    public String toString() {
        return "WebhookSecret[****]";
    }
}
