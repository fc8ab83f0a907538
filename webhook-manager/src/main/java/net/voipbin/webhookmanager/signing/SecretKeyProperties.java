package net.voipbin.webhookmanager.signing;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The keys that encrypt webhook secrets at rest, each the base64 of 32 random bytes
 * ({@code openssl rand -base64 32}).
 *
 * @param secretKey          {@code VOIPBIN_WEBHOOK_SECRET_KEY}: encrypts every secret written, and decrypts;
 *                           blank = the public development key (a warning at every start)
 * @param previousSecretKeys {@code VOIPBIN_WEBHOOK_PREVIOUS_SECRET_KEYS} (comma-separated): decrypt only;
 *                           what they encrypted is re-encrypted under {@code secretKey} at start
 */
@ConfigurationProperties("voipbin.webhook")
public record SecretKeyProperties(
        @DefaultValue("") String secretKey,
        @DefaultValue List<String> previousSecretKeys) {

    public SecretKeyProperties {
        secretKey = secretKey == null ? "" : secretKey.strip();
        previousSecretKeys = previousSecretKeys == null ? List.of()
                : previousSecretKeys.stream().map(String::strip).filter(k -> !k.isEmpty()).toList();
    }

    /** Keys are never printed, not even by a binding failure report or a debug log of the bean. */
    @Override
    public String toString() {
        return "SecretKeyProperties[secretKey=" + (secretKey.isEmpty() ? "(development key)" : "****")
                + ", previousSecretKeys=" + previousSecretKeys.size() + " key(s)]";
    }
}
