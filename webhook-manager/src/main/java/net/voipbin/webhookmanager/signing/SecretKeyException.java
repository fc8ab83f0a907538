package net.voipbin.webhookmanager.signing;

/**
 * A stored webhook secret that no configured key decrypts. The message names the webhook and the key
 * id, never the value; over REST it is a plain 500 {@code internal_error} (the message only in the log).
 */
public class SecretKeyException extends IllegalStateException {

    private final String keyId;

    SecretKeyException(String message) {
        this(null, message);
    }

    SecretKeyException(String keyId, String message) {
        super(message);
        this.keyId = keyId;
    }

    /** The key id the stored value names, or null when it names none. */
    public String keyId() {
        return keyId;
    }
}
